"""PyTorch 2.11.0 references for the NN benchmarks (CPU, float32).

Task names match Benchmarks/GenreKitBench/NNBenchmarks.swift. torch runs on GENREKIT_THREADS threads when
set, else on every core, like GenreKit's default `Parallel.threadCount`. "same" max pooling (TensorFlow's,
asymmetric) is written as explicit zero padding of -inf before a valid pool.
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
from nn import ResidualBlock as Residual  # noqa: E402  (the block the NN fixtures use)

THREADS = int(os.environ.get("GENREKIT_THREADS", len(os.sched_getaffinity(0))))


class SamePool(torch.nn.Module):
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


def mfcc_cnn():
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), SamePool(3, 2), nn.BatchNorm2d(32, eps=1e-3, momentum=0.01),
        nn.Conv2d(32, 32, 3), nn.ReLU(), SamePool(3, 2), nn.BatchNorm2d(32, eps=1e-3, momentum=0.01),
        nn.Conv2d(32, 32, 2), nn.ReLU(), SamePool(2, 2), nn.BatchNorm2d(32, eps=1e-3, momentum=0.01),
        nn.Flatten(), nn.Linear(480, 64), nn.ReLU(), nn.Dropout(0.3), nn.Linear(64, 10))


def resnet_mfcc():
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), SamePool(2, 2),
        Residual(32, 32), SamePool(2, 2), Residual(32, 64), SamePool(2, 2),
        nn.Flatten(), nn.Linear(2176, 64), nn.ReLU(), nn.Dropout(0.4), nn.Linear(64, 10))


def mfcc_cnn_train_step():
    torch.set_num_threads(THREADS)
    torch.manual_seed(1)
    model = mfcc_cnn()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    x, labels = torch.randn(32, 1, 130, 13), torch.arange(32) % 10

    def step():
        optimizer.zero_grad()
        F.cross_entropy(model(x), labels).backward()
        optimizer.step()
    return step


def resnet_inference():
    torch.set_num_threads(THREADS)
    torch.manual_seed(1)
    model = resnet_mfcc().eval()
    x = torch.randn(64, 1, 130, 13)

    def forward():
        with torch.no_grad():
            model(x)
    return forward


def adam_step():
    torch.set_num_threads(THREADS)
    parameter = torch.nn.Parameter(torch.randn(2_055_070))
    parameter.grad = torch.randn(2_055_070)
    optimizer = torch.optim.Adam([parameter], lr=1e-3)
    return optimizer.step


TASKS = {
    "nn/mfcc_cnn_train_step_b32": ("MFCC-slice CNN train step, batch 32", mfcc_cnn_train_step),
    "nn/resnet_mfcc_inference_b64": ("MFCC ResNet evaluation forward, batch 64", resnet_inference),
    "nn/adam_step_2m": ("Adam update of 2,055,070 parameters", adam_step),
}
