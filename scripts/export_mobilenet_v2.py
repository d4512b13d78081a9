#!/usr/bin/env python3
"""Export torchvision's ImageNet MobileNetV2 weights for `mobilenet-transfer --weights <file>`.

    pip install torch torchvision safetensors
    python scripts/export_mobilenet_v2.py mobilenet_v2.safetensors

writes torchvision's `mobilenet_v2(weights="IMAGENET1K_V1")` state dict (keys `features.0.0.weight` …
`features.18.1.running_var`, `classifier.1.weight`, `classifier.1.bias`) as safetensors: float32 weights and
BatchNorm statistics, int64 `num_batches_tracked` counters. GenreKit's `MobileNetV2.loadTorchvisionWeights(from:)` reads the
`features.*` entries; the ImageNet classifier is ignored (the example trains its own 10-genre head).

Without torchvision (or with `--random`), `--random` writes the same keys from a randomly initialised
MobileNetV2 defined below (torchvision's architecture, layer for layer, with random BatchNorm statistics):
this tests the loading path where ImageNet weights cannot be downloaded. `--probe` prints the backbone's
pooled features of a fixed input (all pixels 0.5) so the Swift side can be compared with PyTorch.

Tested with torch 2.11.0 and safetensors 0.8 (torchvision ≥ 0.13 for the ImageNet weights).
"""
import argparse

import torch
from torch import nn
from safetensors.torch import save_file


def conv_bn_relu6(inp, out, kernel, stride, groups=1):
    """torchvision's Conv2dNormActivation with ReLU6: keys `0` (conv), `1` (BatchNorm)."""
    return nn.Sequential(nn.Conv2d(inp, out, kernel, stride, (kernel - 1) // 2, groups=groups, bias=False),
                         nn.BatchNorm2d(out), nn.ReLU6(inplace=True))


class InvertedResidual(nn.Module):
    def __init__(self, inp, out, stride, expand_ratio):
        super().__init__()
        hidden = inp * expand_ratio
        self.use_res_connect = stride == 1 and inp == out
        layers = [] if expand_ratio == 1 else [conv_bn_relu6(inp, hidden, 1, 1)]
        layers += [conv_bn_relu6(hidden, hidden, 3, stride, groups=hidden),
                   nn.Conv2d(hidden, out, 1, 1, 0, bias=False), nn.BatchNorm2d(out)]
        self.conv = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv(x) if self.use_res_connect else self.conv(x)


class MobileNetV2(nn.Module):
    """torchvision.models.MobileNetV2 (width 1.0) with the same module names."""
    stages = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]

    def __init__(self, num_classes=1000):
        super().__init__()
        layers, channels = [conv_bn_relu6(3, 32, 3, 2)], 32
        for t, c, n, s in self.stages:
            for i in range(n):
                layers.append(InvertedResidual(channels, c, s if i == 0 else 1, t))
                channels = c
        layers.append(conv_bn_relu6(channels, 1280, 1, 1))
        self.features = nn.Sequential(*layers)
        self.classifier = nn.Sequential(nn.Dropout(0.2), nn.Linear(1280, num_classes))

    def forward(self, x):
        return self.classifier(torch.flatten(nn.functional.adaptive_avg_pool2d(self.features(x), 1), 1))


def random_model(seed):
    torch.manual_seed(seed)
    model = MobileNetV2()
    for module in model.modules():  # non-trivial statistics, so loading them is tested too
        if isinstance(module, nn.BatchNorm2d):
            module.running_mean.uniform_(-0.1, 0.1)
            module.running_var.uniform_(0.5, 1.5)
            module.weight.data.uniform_(0.5, 1.5)
            module.bias.data.uniform_(-0.1, 0.1)
    return model


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("output", help="the .safetensors file to write")
    parser.add_argument("--random", action="store_true", help="random weights from the local definition (no torchvision)")
    parser.add_argument("--seed", type=int, default=0, help="seed of --random")
    parser.add_argument("--probe", action="store_true", help="print pooled features of an all-0.5 224 x 224 image")
    args = parser.parse_args()

    if args.random:
        model = random_model(args.seed)
    else:
        import torchvision  # only needed for the real ImageNet weights
        model = torchvision.models.mobilenet_v2(weights=torchvision.models.MobileNet_V2_Weights.IMAGENET1K_V1)
    model.eval()
    state = {key: (value.float() if value.is_floating_point() else value).detach().contiguous()
             for key, value in model.state_dict().items()}
    save_file(state, args.output, metadata={"source": "random" if args.random else "torchvision IMAGENET1K_V1",
                                            "torch": torch.__version__})
    print(f"wrote {len(state)} tensors to {args.output}")
    if args.probe:
        with torch.no_grad():
            pooled = nn.functional.adaptive_avg_pool2d(model.features(torch.full((1, 3, 224, 224), 0.5)), 1).flatten()
        print("pooled features [0:8]:", " ".join(f"{v:.6f}" for v in pooled[:8].tolist()))
        print("pooled features sum:", f"{pooled.sum().item():.6f}")


if __name__ == "__main__":
    main()
