import NN
import Tensor

/// The layers of one VGG-style block: a "same" convolution, optional batch normalisation, ReLU and a
/// 2 × 2 max-pool (floor), as `[Module]` to splice into a `Sequential`.
func convBlock(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, batchNorm: BatchNorm.Convention?,
               poolPadding: Padding = .valid) -> [Module] {
    [Conv2D(inChannels, outChannels, kernelSize: Pair2D(kernelSize), padding: .same)]
        + (batchNorm.map { [BatchNorm2D(outChannels, convention: $0)] } ?? [])
        + [ReLU(), MaxPool2D(kernelSize: 2, padding: poolPadding)]
}

/// The size of an axis of `size` elements after `count` 2 × 2 max-pools with `padding`
/// (`.valid` floors, `.same` rounds up).
func pooledSize(_ size: Int, count: Int, padding: Padding = .valid) -> Int {
    (0..<count).reduce(size) { current, _ in padding == .same ? (current + 1) / 2 : current / 2 }
}
