"""PyTorch 2.11.0 references for the NN benchmarks (CPU, float32).

Task names match Benchmarks/GenreKitBench/NNBenchmarks.swift. The models are GenreModels' architectures
written again in PyTorch: the same layer shapes and the same weight counts (asserted, counted as Keras does:
parameters plus BatchNorm running statistics), the same Adam settings, batch sizes and losses. Inputs are
random, labels 0, 1, …, 9, 0, …. reference.py sets torch's thread count (BENCH_THREADS).
The epoch task reads 30 s noise WAVs (PCM 16, 22.05 kHz) like the Swift side's synthetic tracks; librosa 0.11.0.
Keras' "same" max pooling (asymmetric padding) is written as -inf padding before a valid pool.
"""
import os
from bench_cache import cache_path

import librosa
import numpy as np
import soundfile as sf
import torch
import torch.nn.functional as F
from torch import nn


class SamePool(nn.Module):
    """Keras' MaxPooling2D(padding="same")."""

    def __init__(self, size, stride):
        super().__init__()
        self.size, self.stride = size, stride

    def forward(self, x):
        pads = []
        for length in reversed(x.shape[2:]):
            out = -(-length // self.stride)
            total = max((out - 1) * self.stride + self.size - length, 0)
            pads += [total // 2, total - total // 2]
        return F.max_pool2d(F.pad(x, pads, value=float("-inf")), self.size, self.stride)


class Lambda(nn.Module):
    def __init__(self, function):
        super().__init__()
        self.function = function

    def forward(self, x):
        return self.function(x)


def keras_bn(channels):
    return nn.BatchNorm2d(channels, eps=1e-3, momentum=0.01)


def conv_block(c_in, c_out, bn=None, pool=None):
    """GenreModels' convBlock: 3 × 3 "same" conv, optional BN, ReLU, 2 × 2 max-pool."""
    return [nn.Conv2d(c_in, c_out, 3, padding=1)] + ([bn(c_out)] if bn else []) \
        + [nn.ReLU(), pool or nn.MaxPool2d(2)]


class Residual(nn.Module):
    """relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), shortcut a 1 × 1 conv when widths differ."""

    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1, self.bn1 = nn.Conv2d(c_in, c_out, 3, padding=1), keras_bn(c_out)
        self.conv2, self.bn2 = nn.Conv2d(c_out, c_out, 3, padding=1), keras_bn(c_out)
        self.shortcut = nn.Conv2d(c_in, c_out, 1) if c_in != c_out else nn.Identity()

    def forward(self, x):
        return F.relu(self.bn2(self.conv2(F.relu(self.bn1(self.conv1(x))))) + self.shortcut(x))


class SqueezeExcitation(nn.Module):
    def __init__(self, channels, reduction):
        super().__init__()
        hidden = max(1, channels // reduction)
        self.fc1, self.fc2 = nn.Linear(channels, hidden), nn.Linear(hidden, channels)

    def forward(self, x):
        scale = torch.sigmoid(self.fc2(F.relu(self.fc1(x.mean((2, 3))))))
        return x * scale[:, :, None, None]


def conv_bn_relu6(c_in, c_out, kernel, stride=1, groups=1):
    return nn.Sequential(nn.Conv2d(c_in, c_out, kernel, stride, (kernel - 1) // 2, groups=groups, bias=False),
                         nn.BatchNorm2d(c_out), nn.ReLU6())


class InvertedResidual(nn.Module):
    def __init__(self, c_in, c_out, stride, expansion):
        super().__init__()
        hidden = c_in * expansion
        self.residual = stride == 1 and c_in == c_out
        layers = [conv_bn_relu6(c_in, hidden, 1)] if expansion != 1 else []
        layers += [conv_bn_relu6(hidden, hidden, 3, stride, hidden), nn.Conv2d(hidden, c_out, 1, bias=False),
                   nn.BatchNorm2d(c_out)]
        self.conv = nn.Sequential(*layers)

    def forward(self, x):
        return x + self.conv(x) if self.residual else self.conv(x)


def mobilenet_v2_features():
    """torchvision's mobilenet_v2(width_mult=1.0).features."""
    layers, channels = [conv_bn_relu6(3, 32, 3, 2)], 32
    for expansion, c_out, repeats, stride in [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2),
                                              (6, 96, 3, 1), (6, 160, 3, 2), (6, 320, 1, 1)]:
        for index in range(repeats):
            layers.append(InvertedResidual(channels, c_out, stride if index == 0 else 1, expansion))
            channels = c_out
    return nn.Sequential(*layers, conv_bn_relu6(channels, 1280, 1))


class MobileNetTransfer(nn.Module):
    """ImageNet normalisation, frozen MobileNetV2 in inference mode without gradients, GAP, dropout, Linear."""

    def __init__(self):
        super().__init__()
        self.register_buffer("mean", torch.tensor([0.485, 0.456, 0.406]).view(1, 3, 1, 1) * 255, persistent=False)
        self.register_buffer("std", torch.tensor([0.229, 0.224, 0.225]).view(1, 3, 1, 1) * 255, persistent=False)
        self.backbone = mobilenet_v2_features().requires_grad_(False)
        self.head = nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Dropout(0.5), nn.Linear(1280, 10))

    def forward(self, x):
        self.backbone.eval()
        with torch.no_grad():
            features = self.backbone((x - self.mean) / self.std)
        return self.head(features)


def cnn_dynamic():
    pools = [nn.Identity()] + [nn.MaxPool2d(2)] * 5
    channels = [(3, 4), (4, 4), (4, 8), (8, 8), (8, 16), (16, 16)]
    convs = [layer for (c_in, c_out), pool in zip(channels, pools)
             for layer in (nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), pool)]
    return nn.Sequential(*convs, nn.Flatten(), nn.Linear(1872, 1024), nn.ReLU(), nn.Linear(1024, 128), nn.ReLU(),
                         nn.Linear(128, 10), nn.Softmax(dim=1))


def image_cnn():
    blocks = [layer for c_in, c_out in [(3, 32), (32, 64), (64, 128)] for layer in conv_block(c_in, c_out)]
    return nn.Sequential(Lambda(lambda x: x / 255), *blocks, nn.Flatten(), nn.Linear(128 * 32 * 32, 128), nn.ReLU(),
                         nn.Dropout(0.5), nn.Linear(128, 10))


def mfcc_cnn():
    layers = []
    for c_in, kernel, pool in [(1, 3, 3), (32, 3, 3), (32, 2, 2)]:
        layers += [nn.Conv2d(c_in, 32, kernel), nn.ReLU(), SamePool(pool, 2), keras_bn(32)]
    return nn.Sequential(*layers, nn.Flatten(), nn.Linear(480, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 10))


def resnet_mfcc():
    return nn.Sequential(*conv_block(1, 32, keras_bn, SamePool(2, 2)), Residual(32, 32), SamePool(2, 2),
                         Residual(32, 64), SamePool(2, 2), nn.Flatten(), nn.Linear(2176, 64), nn.ReLU(),
                         nn.Dropout(0.4), nn.Linear(64, 10))


def se_cnn():
    widths = [32, 64, 128, 256, 128]
    blocks = [nn.Sequential(nn.Conv2d(c_in, c_out, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Dropout(0.25),
                            SqueezeExcitation(c_out, 16)) for c_in, c_out in zip([1] + widths, widths)]
    return nn.Sequential(*blocks, nn.Flatten(), nn.Linear(128 * 16 * 4, 10))


def mlp():
    layers, width = [], 57
    for hidden in [256, 128, 64]:
        layers += [nn.Linear(width, hidden), nn.ReLU(), nn.Dropout(0.3)]
        width = hidden
    return nn.Sequential(*layers, nn.Linear(width, 10))


def categorical_cross_entropy(probabilities, labels, epsilon=1e-7):
    """Keras' categorical_crossentropy of one-hot labels, for models that end in Softmax."""
    probabilities = probabilities / probabilities.sum(1, keepdim=True)
    return -probabilities.clamp(epsilon, 1 - epsilon).log().gather(1, labels[:, None]).mean()


def weight_count(model):
    """Keras' count: parameters plus BatchNorm running statistics."""
    return sum(p.numel() for p in model.parameters()) + sum(
        b.numel() for name, b in model.named_buffers() if name.endswith(("running_mean", "running_var")))


# name: (description, builder, batch size, input shape, weight count, trainable count, lr, weight decay, loss)
MODELS = {
    "cnn_dynamic": ("cnn-dynamic", cnn_dynamic, 32, (3, 288, 432), 2_055_070, 2_055_070, 1e-3, 0,
                    categorical_cross_entropy),
    "image_cnn": ("image-cnn", image_cnn, 32, (3, 256, 256), 16_871_882, 16_871_882, 1e-3, 0, F.cross_entropy),
    "mfcc_cnn": ("mfcc-cnn", mfcc_cnn, 32, (1, 130, 13), 45_514, 45_322, 1e-4, 0, F.cross_entropy),
    "resnet_mfcc": ("resnet-mfcc", resnet_mfcc, 32, (1, 130, 13), 217_226, 216_778, 1e-3, 0, F.cross_entropy),
    "se_cnn": ("se-cnn", se_cnn, 64, (1, 512, 130), 778_384, 778_384, 1e-3, 1e-4, F.cross_entropy),
    "mlp": ("mlp-features (keras)", mlp, 32, (57,), 56_650, 56_650, 1e-3, 0, F.cross_entropy),
    "mobilenet": ("mobilenet-transfer", MobileNetTransfer, 32, (3, 224, 224), 2_270_794, 12_810, 1e-3, 0,
                  F.cross_entropy),
}


def set_up(name):
    _, build, batch, shape, weights, trainable, *_ = MODELS[name]
    torch.manual_seed(1)
    model = build()
    assert weight_count(model) == weights, f"{name}: {weight_count(model)} weights, expected {weights}"
    counted = sum(p.numel() for p in model.parameters() if p.requires_grad)
    assert counted == trainable, f"{name}: {counted} trainable, expected {trainable}"
    return model, torch.randn(batch, *shape), torch.arange(batch) % 10


def train_step(name):
    def prepare():
        *_, lr, weight_decay, loss = MODELS[name]
        model, x, labels = set_up(name)
        optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=lr,
                                     weight_decay=weight_decay)

        def step():
            optimizer.zero_grad()
            loss(model(x), labels).backward()
            optimizer.step()
        return step
    return prepare


def inference(name):
    def prepare():
        model, x, _ = set_up(name)
        model.eval()

        def forward():
            with torch.no_grad():
                model(x)
        return forward
    return prepare


def adam_step():
    parameter = nn.Parameter(torch.randn(2_055_070))
    parameter.grad = torch.randn(2_055_070)
    optimizer = torch.optim.Adam([parameter], lr=1e-3)
    return optimizer.step


class _MFCCSlices(torch.utils.data.Dataset):
    """3 s segments of 30 s WAVs read with soundfile → librosa MFCC (13, n_fft 2048, hop 512) → [1, 130, 13]."""

    def __init__(self, paths, sr=22050):
        self.items = [(path, i) for path in paths for i in range(10)]
        self.sr = sr

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        path, i = self.items[index]
        y, _ = sf.read(path, start=i * 3 * self.sr, frames=3 * self.sr, dtype="float32")
        mfcc = librosa.feature.mfcc(y=y, sr=self.sr, n_mfcc=13, n_fft=2048, hop_length=512)
        return torch.from_numpy(mfcc.T.copy()).unsqueeze(0), index % 10


def epoch_resnet_mfcc_synthetic():
    """The Swift task's epoch: 30 tracks × 10 slices, one background loader worker, 10 Adam steps of batch 32."""
    root = cache_path("nn-py", "epoch", "")
    os.makedirs(root, exist_ok=True)
    paths = []
    for n in range(30):
        path = os.path.join(root, f"t{n:02d}.wav")
        if not os.path.exists(path):
            noise = np.random.default_rng(n).uniform(-0.5, 0.5, 30 * 22050).astype(np.float32)
            sf.write(path, noise, 22050, subtype="PCM_16")
        paths.append(path)
    loader = torch.utils.data.DataLoader(_MFCCSlices(paths), batch_size=32, shuffle=True, num_workers=1,
                                         prefetch_factor=2, persistent_workers=True)
    torch.manual_seed(1)
    model = resnet_mfcc()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, eps=1e-7)

    def run():
        model.train()
        for inputs, labels in loader:
            optimizer.zero_grad()
            F.cross_entropy(model(inputs), labels).backward()
            optimizer.step()
    return run


TASKS = {"nn/adam_step_2m": ("Adam update of 2,055,070 parameters", adam_step)}
TASKS["nn/epoch_resnet_mfcc_synthetic"] = (
    "DataLoader(1 worker) over 300 librosa-MFCC slices of 30 WAVs, 10 Adam steps of resnet-mfcc", epoch_resnet_mfcc_synthetic)
for _name, (_description, _, _batch, _shape, *_) in MODELS.items():
    _dims = " × ".join(map(str, (_batch,) + _shape))
    TASKS[f"nn/{_name}_train_b{_batch}"] = (f"{_description} train step, batch {_dims}", train_step(_name))
    TASKS[f"nn/{_name}_infer_b{_batch}"] = (f"{_description} inference, batch {_dims}", inference(_name))
