"""The Python pipelines a user would write, for the end-to-end rows of BENCHMARKS.md (scripts/bench/e2e.py).

As a module of reference.py: the cnn-dynamic tasks on the real images (PIL decoding in a torch DataLoader).
As a script: `ref_e2e.py classify --weights W.pt FILE` (librosa.load, the 57 librosa features of every 30 s
window, the shipped MLP's weights exported to torch, softmax averaged) and `ref_e2e.py features --jobs N
--out CSV FOLDER` (librosa features of every file, joblib over N processes); each prints one JSON line with
the seconds its pipeline took after the imports.
"""
import argparse, glob, json, os, sys, time

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
SR = 22050
WINDOW = 30 * SR


def real_root():
    return os.environ.get("GENREKIT_SHARED_REAL", "../shared/gtzan-real")


# --- cnn-dynamic on the real images ---------------------------------------------------------------

class PNGImages(torch.utils.data.Dataset):
    """Kaggle's images_original PNGs as [3, 288, 432] float tensors of 0…255 pixels (RGBA → RGB)."""

    def __init__(self, root):
        self.files = sorted(glob.glob(os.path.join(root, "images_original", "*", "*.png")))
        genres = sorted({os.path.basename(os.path.dirname(f)) for f in self.files})
        self.labels = [genres.index(os.path.basename(os.path.dirname(f))) for f in self.files]

    def __len__(self):
        return len(self.files)

    def __getitem__(self, index):
        from PIL import Image
        with Image.open(self.files[index]) as image:
            pixels = np.asarray(image.convert("RGB"), dtype=np.float32)
        return torch.from_numpy(pixels.transpose(2, 0, 1).copy()), self.labels[index]


def cnn_dynamic_trainer():
    sys.path.insert(0, HERE)
    from ref_nn import cnn_dynamic, categorical_cross_entropy
    torch.manual_seed(1)
    model = cnn_dynamic()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def train(inputs, labels):
        optimizer.zero_grad()
        categorical_cross_entropy(model(inputs), labels).backward()
        optimizer.step()
    return train


def cnn_dynamic_epoch_images():
    images = PNGImages(real_root())
    assert len(images) == 999, f"expected the 999 real images, found {len(images)}"
    # Two cores: one decoding process beside the training process (whose two threads take both cores while
    # it computes); persistent, so the timed epochs do not include starting it.
    loader = torch.utils.data.DataLoader(images, batch_size=32, shuffle=True, num_workers=1, persistent_workers=True,
                                         prefetch_factor=2, generator=torch.Generator().manual_seed(0))
    train = cnn_dynamic_trainer()

    def epoch():
        for inputs, labels in loader:
            train(inputs, labels)
    return epoch


def cnn_dynamic_step_images():
    images = PNGImages(real_root())
    inputs, labels = next(iter(torch.utils.data.DataLoader(images, batch_size=32, shuffle=True,
                                                           generator=torch.Generator().manual_seed(0))))
    train = cnn_dynamic_trainer()
    return lambda: train(inputs, labels)


TASKS = {} if not os.path.isdir(os.path.join(real_root(), "images_original")) else {
    "e2e/cnn_dynamic_epoch_images": ("one cnn-dynamic epoch over the 999 PNGs: DataLoader (PIL, 1 worker), Adam",
                                     cnn_dynamic_epoch_images),
    "e2e/cnn_dynamic_step_images": ("one cnn-dynamic step on a batch of 32 real images in memory", cnn_dynamic_step_images),
}


# --- classify and gtzan-features ----------------------------------------------------------------

def features_of(path):
    """The 57 Kaggle features of each 30 s window of `path` (the last window takes the remainder)."""
    import librosa
    sys.path.insert(0, os.path.join(HERE, "..", "fixtures"))
    from dsp_features import gtzan_vector
    y, _ = librosa.load(path, sr=SR)
    starts = list(range(0, max(len(y) - WINDOW, 0) + 1, WINDOW))
    ends = starts[1:] + [len(y)]
    return [gtzan_vector(y[start:end]) for start, end in zip(starts, ends)]


def feature_mlp(weights):
    """FeatureStandardization + FeatureMLP keras (57-256-128-64-10) with the exported weights."""
    state = torch.load(weights)
    widths = [57, 256, 128, 64]
    layers = []
    for index, (width_in, width_out) in enumerate(zip(widths, widths[1:])):
        layers += [nn.Linear(width_in, width_out), nn.ReLU(), nn.Dropout(0.3)]
    model = nn.Sequential(*layers, nn.Linear(64, 10))
    model.load_state_dict({k[len("1.layers."):]: v for k, v in state.items() if k.startswith("1.layers.")})
    return state["0.mean"], state["0.scale"], model.eval()


def classify(args):
    start = time.perf_counter()
    mean, scale, model = feature_mlp(args.weights)
    rows = torch.tensor(np.array(features_of(args.file)), dtype=torch.float32)
    with torch.no_grad():
        probabilities = torch.softmax(model((rows - mean) / scale), dim=1).mean(0)
    seconds = time.perf_counter() - start
    print(json.dumps({"seconds": seconds, "windows": len(rows), "probabilities": probabilities.tolist()}))


def features(args):
    from joblib import Parallel, delayed
    start = time.perf_counter()
    files = sorted(f for f in glob.glob(os.path.join(args.folder, "**", "*"), recursive=True)
                   if f.endswith((".au", ".wav", ".flac", ".ogg", ".mp3")))
    rows = Parallel(n_jobs=args.jobs)(delayed(features_of)(f) for f in files)
    with open(args.out, "w") as out:
        for path, row in zip(files, rows):
            out.write(",".join([os.path.basename(path)] + [repr(float(v)) for v in row[0]]) + "\n")
    print(json.dumps({"seconds": time.perf_counter() - start, "tracks": len(files)}))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    c = commands.add_parser("classify")
    c.add_argument("--weights", required=True)
    c.add_argument("file")
    f = commands.add_parser("features")
    f.add_argument("--jobs", type=int, default=os.cpu_count())
    f.add_argument("--out", required=True)
    f.add_argument("folder")
    args = parser.parse_args()
    torch.set_num_threads(int(os.environ.get("BENCH_THREADS", os.cpu_count() or 1)))
    classify(args) if args.command == "classify" else features(args)


if __name__ == "__main__":
    main()
