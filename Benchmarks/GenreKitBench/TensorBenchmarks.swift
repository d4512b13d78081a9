import COpenBLAS
import Tensor

/// Benchmarks of the Tensor library. Names must match the tasks of `scripts/bench/ref_tensor.py`.
///
/// Thread count: `Parallel.threadCount` (`GENREKIT_THREADS`, default all cores); the Python side
/// sets `torch.set_num_threads` to the same number.
let tensorBenchmarks: [Benchmark] = [
    Benchmark(name: "tensor/sgemm_1024", summary: "Tensor.matmul 1024×1024 · 1024×1024 (output allocated)") {
        var rng = RandomGenerator(seed: 1)
        let a = Tensor.normal([1024, 1024], using: &rng), b = Tensor.normal([1024, 1024], using: &rng)
        return { _ = a.matmul(b) }
    },
    Benchmark(name: "tensor/sgemm_1024_raw_openblas",
              summary: "cblas_sgemm 1024² on OpenBLAS's own threads (as many as ours), into a preallocated buffer") {
        let threads = Int32(Parallel.threadCount)  // GenreKit keeps OpenBLAS single-threaded; this task does not
        let n = 1024
        var rng = RandomGenerator(seed: 1)
        let a = Tensor.normal([n, n], using: &rng).scalars, b = Tensor.normal([n, n], using: &rng).scalars
        var c = [Float](repeating: 0, count: n * n)
        return {
            openblas_set_num_threads(threads)
            defer { openblas_set_num_threads(1) }
            cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(n), Int32(n), Int32(n),
                        1, a, Int32(n), b, Int32(n), 0, &c, Int32(n))
        }
    },
    Benchmark(name: "tensor/matmul_batched_fwd_bwd", summary: "[64, 128, 64] · [64, 64] forward + backward") {
        var rng = RandomGenerator(seed: 2)
        let x = Tensor.normal([64, 128, 64], using: &rng)
        var w = Tensor.normal([64, 64], using: &rng)
        w.requiresGrad = true
        return {
            w.zeroGrad()
            x.matmul(w).sum().backward()
        }
    },
    Benchmark(name: "tensor/add_channel_broadcast", summary: "[32, 32, 64, 64] + [1, 32, 1, 1] forward + backward") {
        var rng = RandomGenerator(seed: 3)
        var x = Tensor.normal([32, 32, 64, 64], using: &rng), bias = Tensor.normal([1, 32, 1, 1], using: &rng)
        x.requiresGrad = true
        bias.requiresGrad = true
        let seed = Tensor.ones([32, 32, 64, 64])
        return {
            x.zeroGrad()
            bias.zeroGrad()
            (x + bias).backward(seed)
        }
    },
    Benchmark(name: "tensor/exp_4m", summary: "exp of 4·2²⁰ elements") {
        var rng = RandomGenerator(seed: 4)
        let x = Tensor.normal([4, 1 << 20], using: &rng)
        return { _ = x.exp() }
    },
    Benchmark(name: "tensor/variance_nchw", summary: "variance over [0, 2, 3] of [32, 32, 64, 64] forward + backward") {
        var rng = RandomGenerator(seed: 5)
        var x = Tensor.normal([32, 32, 64, 64], using: &rng)
        x.requiresGrad = true
        return {
            x.zeroGrad()
            x.variance(axes: [0, 2, 3], correction: 0).sum().backward()
        }
    },
    Benchmark(name: "tensor/permute_nchw_nhwc", summary: "permute [32, 32, 64, 64] to NHWC") {
        var rng = RandomGenerator(seed: 6)
        let x = Tensor.normal([32, 32, 64, 64], using: &rng)
        return { _ = x.permuted([0, 2, 3, 1]) }
    },
    Benchmark(name: "tensor/small_mlp_step", summary: "100 forward + backward steps of a 32→64→10 MLP on batch 16 (op overhead)") {
        var rng = RandomGenerator(seed: 7)
        let x = Tensor.normal([16, 32], using: &rng), target = Tensor.normal([16, 10], using: &rng)
        var w1 = Tensor.normal([32, 64], std: 0.1, using: &rng), w2 = Tensor.normal([64, 10], std: 0.1, using: &rng)
        var b1 = Tensor.zeros([64]), b2 = Tensor.zeros([10])
        w1.requiresGrad = true; w2.requiresGrad = true; b1.requiresGrad = true; b2.requiresGrad = true
        return {
            for _ in 0..<100 {
                for parameter in [w1, w2, b1, b2] { parameter.zeroGrad() }
                let hidden = (x.matmul(w1) + b1).clamped(min: 0)
                let error = hidden.matmul(w2) + b2 - target
                (error * error).mean().backward()
            }
        }
    },
] + nnOpBenchmarks + depthwiseConvBenchmarks

/// Convolution shapes of the published models (3×3 kernels, padding 1), then pooling and batch
/// norm: forward + backward with gradients for input, weight and bias, as the Python side.
let nnOpBenchmarks: [Benchmark] = [
    (name: "conv_3x4_288x432_b32", shape: [32, 3, 288, 432], outChannels: 4),
    (name: "conv_1x32_512x130_b64", shape: [64, 1, 512, 130], outChannels: 32),
    (name: "conv_32x64_256x65_b64", shape: [64, 32, 256, 65], outChannels: 64),
    (name: "conv_32x32_65x7_b32", shape: [32, 32, 65, 7], outChannels: 32),
].map { task in
    Benchmark(name: "tensor/\(task.name)", summary: "conv2d \(task.shape) → \(task.outChannels) channels, 3×3, padding 1, forward + backward") {
        var rng = RandomGenerator(seed: 8)
        var x = Tensor.normal(task.shape, using: &rng)
        var w = Tensor.normal([task.outChannels, task.shape[1], 3, 3], std: 0.1, using: &rng)
        var b = Tensor.zeros([task.outChannels])
        x.requiresGrad = true; w.requiresGrad = true; b.requiresGrad = true
        let seed = Tensor.ones([task.shape[0], task.outChannels, task.shape[2], task.shape[3]])
        return {
            for parameter in [x, w, b] { parameter.zeroGrad() }
            x.conv2d(w, bias: b, padding: .explicit(1)).backward(seed)
        }
    }
} + maxPoolBenchmarks("2x2_32x32x256x65", "2×2 of [32, 32, 256, 65]", shape: [32, 32, 256, 65]) {
    $0.maxPool2d(kernelSize: 2)
} + maxPoolBenchmarks("same_3x3s2_32x32x128x11",
                      "3×3 stride 2 Keras \"same\" of [32, 32, 128, 11] (mfcc-cnn's first pool)", shape: [32, 32, 128, 11]) {
    $0.maxPool2d(kernelSize: 3, stride: 2, padding: .same)
} + [
    Benchmark(name: "tensor/batchnorm_train_32x32x256x65", summary: "batchNorm (training, affine) of [32, 32, 256, 65] forward + backward") {
        var rng = RandomGenerator(seed: 10)
        var x = Tensor.normal([32, 32, 256, 65], using: &rng)
        var weight = Tensor.ones([32]), bias = Tensor.zeros([32])
        var runningMean = Tensor.zeros([32]), runningVariance = Tensor.ones([32])
        x.requiresGrad = true; weight.requiresGrad = true; bias.requiresGrad = true
        let seed = Tensor.ones([32, 32, 256, 65])
        return {
            for parameter in [x, weight, bias] { parameter.zeroGrad() }
            x.batchNorm(runningMean: &runningMean, runningVariance: &runningVariance, weight: weight, bias: bias,
                        training: true).backward(seed)
        }
    },
]

/// Depthwise 3×3 convolutions of MobileNetV2 (`features.3` at stride 1, `features.2` at stride 2, batch
/// 32), forward + backward with gradients for input and weight (bias-free, as the model) and forward
/// only without gradients (the frozen backbone).
let depthwiseConvBenchmarks: [Benchmark] = [
    (name: "s1_32x144x56x56", shape: [32, 144, 56, 56], stride: 1),
    (name: "s2_32x96x112x112", shape: [32, 96, 112, 112], stride: 2),
].flatMap { task -> [Benchmark] in
    let what = "depthwise conv2d \(task.shape), 3×3, stride \(task.stride), padding 1"
    @Sendable func operands() -> (x: Tensor, w: Tensor) {
        var rng = RandomGenerator(seed: 11)
        return (Tensor.normal(task.shape, using: &rng), Tensor.normal([task.shape[1], 1, 3, 3], std: 0.1, using: &rng))
    }
    return [
        Benchmark(name: "tensor/depthwise_\(task.name)", summary: "\(what), forward + backward") {
            var (x, w) = operands()
            x.requiresGrad = true; w.requiresGrad = true
            let y = x.conv2d(w, stride: Pair2D(task.stride), padding: .explicit(1), groups: task.shape[1])
            let seed = Tensor.ones(y.shape)
            return {
                for parameter in [x, w] { parameter.zeroGrad() }
                x.conv2d(w, stride: Pair2D(task.stride), padding: .explicit(1), groups: task.shape[1]).backward(seed)
            }
        },
        Benchmark(name: "tensor/depthwise_infer_\(task.name)", summary: "\(what), forward only (no gradient)") {
            let (x, w) = operands()
            return { _ = Tensor.withoutGrad { x.conv2d(w, stride: Pair2D(task.stride), padding: .explicit(1), groups: task.shape[1]) } }
        },
    ]
}

/// `tensor/maxpool_<stem>` (forward + backward) and `tensor/maxpool_infer_<stem>` (forward only,
/// no gradient) of `pool` on a seeded normal input of `shape`.
func maxPoolBenchmarks(_ stem: String, _ description: String, shape: [Int],
                       pool: @escaping @Sendable (Tensor) -> Tensor) -> [Benchmark] {
    let input = { @Sendable () -> Tensor in
        var rng = RandomGenerator(seed: 9)
        return Tensor.normal(shape, using: &rng)
    }
    return [
        Benchmark(name: "tensor/maxpool_\(stem)", summary: "maxPool2d \(description) forward + backward") {
            var x = input()
            x.requiresGrad = true
            let seed = Tensor.ones(Tensor.withoutGrad { pool(x) }.shape)
            return {
                x.zeroGrad()
                pool(x).backward(seed)
            }
        },
        Benchmark(name: "tensor/maxpool_infer_\(stem)", summary: "maxPool2d \(description), forward only (no gradient)") {
            let x = input()
            return { _ = pool(x) }
        },
    ]
}
