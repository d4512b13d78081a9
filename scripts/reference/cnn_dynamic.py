"""PyTorch reference of GenreKit's cnn-dynamic example (GenreModels.CNNDynamic) on Kaggle's images.

The same architecture (2,055,070 parameters: six 3x3 "same" convolutions 3-4-4-8-8-16-16 with ReLU, five
2x2 max-pools, Dense 1024-128-classes, Softmax), Keras initialisation, recipe (Adam 1e-3, eps 1e-7, batch
32, categorical cross-entropy on the probabilities) and evaluation (weights of the lowest val_loss), on the
split that a GenreKit run wrote. Images are decoded with PIL (RGBA -> RGB, values 0..255) in a DataLoader.

    python scripts/reference/cnn_dynamic.py --data ../shared/gtzan-real --split reports/x/split.csv \
        --seed 0 --epochs 50 --out reports/reference/cnn-dynamic-artist-seed0.json
"""
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
from PIL import Image

import common


class CNNDynamic(nn.Module):
    def __init__(self, classes, height=288, width=432):
        super().__init__()
        channels = [(3, 4), (4, 4), (4, 8), (8, 8), (8, 16), (16, 16)]
        layers = []
        for index, (cin, cout) in enumerate(channels):
            layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU()]
            if index > 0:
                layers.append(nn.MaxPool2d(2))
        self.conv_layers = nn.Sequential(*layers)
        self.flatten = nn.Flatten()
        flat = 16 * (height // 32) * (width // 32)
        self.linear_layers = nn.Sequential(nn.Linear(flat, 1024), nn.ReLU(), nn.Linear(1024, 128), nn.ReLU(),
                                           nn.Linear(128, classes), nn.Softmax(dim=1))

    def forward(self, x):
        return self.linear_layers(self.flatten(self.conv_layers(x)))


class Images(torch.utils.data.Dataset):
    def __init__(self, root, tracks, class_names):
        self.root, self.tracks, self.class_names = Path(root), tracks, class_names

    def __len__(self):
        return len(self.tracks)

    def __getitem__(self, index):
        track = self.tracks[index]
        genre, number = track.split(".")
        path = self.root / "images_original" / genre / f"{genre}{number}.png"
        pixels = np.asarray(Image.open(path).convert("RGB"), dtype=np.float32)
        return torch.from_numpy(pixels.transpose(2, 0, 1).copy()), self.class_names.index(genre), track


def collate(items):
    return torch.stack([i[0] for i in items]), torch.tensor([i[1] for i in items]), [i[2] for i in items]


def main():
    parser = common.parser(__doc__, "cnn-dynamic", 50)
    parser.add_argument("--workers", type=int, default=1, help="DataLoader worker processes")
    args = parser.parse_args()
    split, class_names = common.setup(args)
    generator = torch.Generator().manual_seed(args.seed)

    def loader(side, shuffle):
        dataset = Images(args.data, split[side], class_names)
        return torch.utils.data.DataLoader(dataset, batch_size=32, shuffle=shuffle, generator=generator,
                                           num_workers=args.workers, collate_fn=collate,
                                           persistent_workers=args.workers > 0)

    train, validation, test = loader("train", True), loader("validation", False), loader("test", False)
    model = CNNDynamic(len(class_names))
    common.keras_init(model)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)
    metrics = common.fit(model, lambda epoch: train, lambda: validation, lambda: test, args.epochs, optimizer,
                         common.KerasCategoricalCrossEntropy(), True, class_names,
                         log_prefix=f"cnn-dynamic seed {args.seed}: ")
    metrics.update({"model": "cnn-dynamic", "seed": args.seed, "split": args.split, "classes": class_names,
                    "torch": torch.__version__, "threads": args.threads})
    common.write_result(args.out, metrics)


if __name__ == "__main__":
    main()
