"""PyTorch reference of GenreKit's resnet-mfcc example (GenreModels.ResNetMFCC) on 3 s MFCC slices.

Same inputs (librosa 0.11 `feature.mfcc(n_mfcc=13, n_fft=2048, hop_length=512)` of each non-overlapping
3 s slice at 22050 Hz, 10 per 30 s excerpt, transposed to 130 x 13), architecture (217,226 parameters:
Conv 32 + BN + ReLU + 2x2 "same" pool, identity residual block + pool, 1x1-projection residual block to 64
+ pool, Dense 64 ReLU with L2 1e-3 on its kernel, dropout 0.4, Dense classes), Keras initialisation and
BatchNorm conventions (momentum 0.99, epsilon 1e-3), recipe (Adam 1e-3, eps 1e-7, batch 32, 60 epochs,
lr constant for 10 epochs then x 0.95 per epoch) and evaluation (weights of the lowest val_loss; file-wise
accuracy from the mean probability of a track's slices), on the split that a GenreKit run wrote.

    python scripts/reference/resnet_mfcc.py --data ../shared/gtzan-real --split reports/x/split.csv \
        --seed 0 --out reports/reference/resnet-mfcc-artist-seed0.json
"""
from pathlib import Path

import librosa
import numpy as np
import soundfile
import torch
import torch.nn as nn

import common

SAMPLE_RATE = 22050
SLICE = 3 * SAMPLE_RATE


def keras_bn(channels):
    return nn.BatchNorm2d(channels, eps=1e-3, momentum=0.01)


class ResidualBlock(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.bn1 = keras_bn(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.bn2 = keras_bn(cout)
        self.shortcut = None if cin == cout else nn.Conv2d(cin, cout, 1)

    def forward(self, x):
        residual = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
        return torch.relu(residual + (x if self.shortcut is None else self.shortcut(x)))


class ResNetMFCC(nn.Module):
    def __init__(self, classes, frames=130, coefficients=13):
        super().__init__()
        pool = lambda: nn.MaxPool2d(2, ceil_mode=True)  # Keras "same" 2x2/2: ceil(n / 2) outputs
        self.stem = nn.Sequential(nn.Conv2d(1, 32, 3, padding=1), keras_bn(32), nn.ReLU(), pool())
        self.identity_block = ResidualBlock(32, 32)
        self.projection_block = ResidualBlock(32, 64)
        self.pool = pool()
        up = lambda n, k: n if k == 0 else up((n + 1) // 2, k - 1)
        self.dense = nn.Linear(64 * up(frames, 3) * up(coefficients, 3), 64)
        self.classifier = nn.Sequential(nn.Flatten(), self.dense, nn.ReLU(), nn.Dropout(0.4), nn.Linear(64, classes))

    def forward(self, x):
        return self.classifier(self.pool(self.projection_block(self.pool(self.identity_block(self.stem(x))))))


def slices(path):
    """The 130 x 13 MFCC slices of one excerpt (whole 3 s slices only)."""
    samples, rate = soundfile.read(path, dtype="float32", always_2d=True)
    samples = samples.mean(axis=1)
    if rate != SAMPLE_RATE:
        samples = librosa.resample(samples, orig_sr=rate, target_sr=SAMPLE_RATE, res_type="soxr_hq")
    count = len(samples) // SLICE
    return [librosa.feature.mfcc(y=samples[i * SLICE:(i + 1) * SLICE], sr=SAMPLE_RATE, n_mfcc=13, n_fft=2048,
                                 hop_length=512).T.astype(np.float32) for i in range(count)]


def audio_path(root, track):
    genre = track.split(".")[0]
    folder = Path(root) / "genres_original" / genre
    for ext in ("wav", "flac", "au", "ogg", "aiff"):
        candidate = folder / f"{track}.{ext}"
        if candidate.exists():
            return candidate
    raise SystemExit(f"no audio for {track} in {folder}")


def side_tensors(root, tracks, class_names):
    x, y, ids = [], [], []
    for track in tracks:
        for mfcc in slices(audio_path(root, track)):
            x.append(mfcc)
            y.append(class_names.index(common.genre_of(track)))
            ids.append(track)
    return torch.from_numpy(np.stack(x))[:, None], torch.tensor(y), ids


def main():
    args = common.parser(__doc__, "resnet-mfcc", 60).parse_args()
    split, class_names = common.setup(args)
    data = {side: side_tensors(args.data, split[side], class_names) for side in ("train", "validation", "test")}
    generator = torch.Generator().manual_seed(args.seed)

    def source(side, shuffle):
        x, y, ids = data[side]
        def batches(epoch=None):
            for index in common.batches(len(y), 32, shuffle, generator):
                yield x[index], y[index], [ids[i] for i in index]
        return batches

    model = ResNetMFCC(len(class_names))
    common.keras_init(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def schedule(epoch, optimizer):  # after epoch `epoch` (0-based): constant for 10 epochs, then x 0.95
        if epoch + 1 >= 10:
            for group in optimizer.param_groups:
                group["lr"] *= 0.95

    penalty = lambda: 1e-3 * model.dense.weight.pow(2).sum()
    metrics = common.fit(model, source("train", True), source("validation", False), source("test", False),
                         args.epochs, optimizer, nn.CrossEntropyLoss(), False, class_names, schedule=schedule,
                         penalty=penalty, log_prefix=f"resnet-mfcc seed {args.seed}: ")
    metrics.update({"model": "resnet-mfcc", "seed": args.seed, "split": args.split, "classes": class_names,
                    "torch": torch.__version__, "threads": args.threads,
                    "segments": {side: len(data[side][1]) for side in data}})
    common.write_result(args.out, metrics)


if __name__ == "__main__":
    main()
