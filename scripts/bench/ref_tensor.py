"""PyTorch 2.11.0 references for the Tensor benchmarks (CPU, float32).

Task names match Benchmarks/GenreKitBench/TensorBenchmarks.swift. torch runs on GENREKIT_THREADS
threads when set, else on every core, like GenreKit's default `Parallel.threadCount`.
"""
import os

import torch

THREADS = int(os.environ.get("GENREKIT_THREADS", len(os.sched_getaffinity(0))))


def _setup(seed):
    torch.set_num_threads(THREADS)
    return torch.Generator().manual_seed(seed)


def sgemm_1024():
    g = _setup(1)
    a, b = torch.randn(1024, 1024, generator=g), torch.randn(1024, 1024, generator=g)
    return lambda: torch.mm(a, b)


def sgemm_1024_raw():
    g = _setup(1)
    a, b = torch.randn(1024, 1024, generator=g), torch.randn(1024, 1024, generator=g)
    c = torch.empty(1024, 1024)
    return lambda: torch.mm(a, b, out=c)


def matmul_batched_fwd_bwd():
    g = _setup(2)
    x = torch.randn(64, 128, 64, generator=g)
    w = torch.randn(64, 64, generator=g, requires_grad=True)

    def run():
        w.grad = None
        torch.matmul(x, w).sum().backward()
    return run


def add_channel_broadcast():
    g = _setup(3)
    x = torch.randn(32, 32, 64, 64, generator=g, requires_grad=True)
    bias = torch.randn(1, 32, 1, 1, generator=g, requires_grad=True)
    seed = torch.ones(32, 32, 64, 64)

    def run():
        x.grad = None
        bias.grad = None
        (x + bias).backward(seed)
    return run


def exp_4m():
    g = _setup(4)
    x = torch.randn(4, 1 << 20, generator=g)
    return lambda: torch.exp(x)


def variance_nchw():
    g = _setup(5)
    x = torch.randn(32, 32, 64, 64, generator=g, requires_grad=True)

    def run():
        x.grad = None
        x.var(dim=(0, 2, 3), correction=0).sum().backward()
    return run


def permute_nchw_nhwc():
    g = _setup(6)
    x = torch.randn(32, 32, 64, 64, generator=g)
    return lambda: x.permute(0, 2, 3, 1).contiguous()


def small_mlp_step():
    g = _setup(7)
    x, target = torch.randn(16, 32, generator=g), torch.randn(16, 10, generator=g)
    w1 = (torch.randn(32, 64, generator=g) * 0.1).requires_grad_()
    w2 = (torch.randn(64, 10, generator=g) * 0.1).requires_grad_()
    b1, b2 = torch.zeros(64, requires_grad=True), torch.zeros(10, requires_grad=True)

    def run():
        for _ in range(100):
            for p in (w1, w2, b1, b2):
                p.grad = None
            hidden = torch.clamp(x @ w1 + b1, min=0)
            error = hidden @ w2 + b2 - target
            (error * error).mean().backward()
    return run


TASKS = {
    "tensor/sgemm_1024": ("torch.mm 1024×1024 · 1024×1024", sgemm_1024),
    "tensor/sgemm_1024_raw_openblas": ("torch.mm 1024² into a preallocated out=", sgemm_1024_raw),
    "tensor/matmul_batched_fwd_bwd": ("[64, 128, 64] · [64, 64] forward + backward", matmul_batched_fwd_bwd),
    "tensor/add_channel_broadcast": ("[32, 32, 64, 64] + [1, 32, 1, 1] forward + backward", add_channel_broadcast),
    "tensor/exp_4m": ("exp of 4·2²⁰ elements", exp_4m),
    "tensor/variance_nchw": ("var over (0, 2, 3) of [32, 32, 64, 64] forward + backward", variance_nchw),
    "tensor/permute_nchw_nhwc": ("permute [32, 32, 64, 64] to NHWC, contiguous", permute_nchw_nhwc),
    "tensor/small_mlp_step": ("100 steps of a 32→64→10 MLP on batch 16", small_mlp_step),
}


# Neural-network ops (tensor-ops): conv2d at the published models' shapes, pooling, batch norm.
def conv(shape, out_channels):
    def prepare():
        g = _setup(8)
        x = torch.randn(*shape, generator=g, requires_grad=True)
        w = (torch.randn(out_channels, shape[1], 3, 3, generator=g) * 0.1).requires_grad_()
        b = torch.zeros(out_channels, requires_grad=True)
        seed = torch.ones(shape[0], out_channels, shape[2], shape[3])

        def run():
            for p in (x, w, b):
                p.grad = None
            torch.nn.functional.conv2d(x, w, b, padding=1).backward(seed)
        return run
    return prepare


def maxpool():
    g = _setup(9)
    x = torch.randn(32, 32, 256, 65, generator=g, requires_grad=True)
    seed = torch.ones(32, 32, 128, 32)

    def run():
        x.grad = None
        torch.nn.functional.max_pool2d(x, 2).backward(seed)
    return run


def maxpool_infer():
    g = _setup(9)
    x = torch.randn(32, 32, 256, 65, generator=g)

    def run():
        with torch.no_grad():
            torch.nn.functional.max_pool2d(x, 2)
    return run


def _same_pool_input(requires_grad):
    """mfcc-cnn's first pool: 3×3 stride 2 with Keras "same" padding on 128 × 11 (pad rows 0/1, columns 1/1)."""
    g = _setup(9)
    return torch.randn(32, 32, 128, 11, generator=g, requires_grad=requires_grad)


def _same_pool(x):
    padded = torch.nn.functional.pad(x, (1, 1, 0, 1), value=float("-inf"))
    return torch.nn.functional.max_pool2d(padded, 3, stride=2)


def maxpool_same():
    x = _same_pool_input(True)
    seed = torch.ones(32, 32, 64, 6)

    def run():
        x.grad = None
        _same_pool(x).backward(seed)
    return run


def maxpool_same_infer():
    x = _same_pool_input(False)

    def run():
        with torch.no_grad():
            _same_pool(x)
    return run


def batchnorm():
    g = _setup(10)
    x = torch.randn(32, 32, 256, 65, generator=g, requires_grad=True)
    weight, bias = torch.ones(32, requires_grad=True), torch.zeros(32, requires_grad=True)
    running_mean, running_var = torch.zeros(32), torch.ones(32)
    seed = torch.ones(32, 32, 256, 65)

    def run():
        for p in (x, weight, bias):
            p.grad = None
        torch.nn.functional.batch_norm(x, running_mean, running_var, weight, bias, training=True).backward(seed)
    return run


for _name, _shape, _out in [("conv_3x4_288x432_b32", (32, 3, 288, 432), 4),
                            ("conv_1x32_512x130_b64", (64, 1, 512, 130), 32),
                            ("conv_32x64_256x65_b64", (64, 32, 256, 65), 64),
                            ("conv_32x32_65x7_b32", (32, 32, 65, 7), 32)]:
    TASKS[f"tensor/{_name}"] = (f"conv2d {list(_shape)} → {_out} channels, 3×3, padding 1, forward + backward",
                                conv(_shape, _out))
TASKS["tensor/maxpool_2x2_32x32x256x65"] = ("max_pool2d 2×2 of [32, 32, 256, 65] forward + backward", maxpool)
TASKS["tensor/maxpool_infer_2x2_32x32x256x65"] = ("max_pool2d 2×2 of [32, 32, 256, 65], forward only (no gradient)",
                                                   maxpool_infer)
TASKS["tensor/maxpool_same_3x3s2_32x32x128x11"] = (
    "max_pool2d 3×3 stride 2 of [32, 32, 128, 11] after -inf padding to Keras \"same\", forward + backward", maxpool_same)
TASKS["tensor/maxpool_infer_same_3x3s2_32x32x128x11"] = (
    "max_pool2d 3×3 stride 2 of [32, 32, 128, 11] after -inf padding to Keras \"same\", forward only", maxpool_same_infer)
TASKS["tensor/batchnorm_train_32x32x256x65"] = ("batch_norm (training, affine) of [32, 32, 256, 65] forward + backward",
                                                 batchnorm)


def depthwise(shape, stride, backward):
    """MobileNetV2's depthwise 3×3 convolution (bias-free); forward + backward or forward only."""
    def prepare():
        g = _setup(11)
        x = torch.randn(*shape, generator=g, requires_grad=backward)
        w = (torch.randn(shape[1], 1, 3, 3, generator=g) * 0.1).requires_grad_(backward)
        seed = torch.ones_like(torch.nn.functional.conv2d(x.detach(), w.detach(), stride=stride, padding=1,
                                                          groups=shape[1]))

        def run():
            if backward:
                x.grad = w.grad = None
                torch.nn.functional.conv2d(x, w, stride=stride, padding=1, groups=shape[1]).backward(seed)
            else:
                with torch.no_grad():
                    torch.nn.functional.conv2d(x, w, stride=stride, padding=1, groups=shape[1])
        return run
    return prepare


for _name, _shape, _stride in [("s1_32x144x56x56", (32, 144, 56, 56), 1), ("s2_32x96x112x112", (32, 96, 112, 112), 2)]:
    _what = f"depthwise conv2d {list(_shape)}, 3×3, stride {_stride}, padding 1"
    TASKS[f"tensor/depthwise_{_name}"] = (f"{_what}, forward + backward", depthwise(_shape, _stride, True))
    TASKS[f"tensor/depthwise_infer_{_name}"] = (f"{_what}, forward only (no gradient)", depthwise(_shape, _stride, False))
