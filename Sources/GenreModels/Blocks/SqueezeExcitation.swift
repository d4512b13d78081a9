import NN
import Tensor

// Stand-in until NN ships `SqueezeExcitation` (internal, see Support/ReLU.swift).
/// Squeeze-and-excitation (Hu et al.): global average → `fc1` (C → C / reduction) → ReLU → `fc2` → sigmoid,
/// then each channel is scaled by its factor.
final class SqueezeExcitation: Module {
    let fc1: Linear
    let fc2: Linear

    init(channels: Int, reduction: Int) {
        precondition(reduction > 0, "SqueezeExcitation: reduction \(reduction) must be positive")
        let hidden = max(1, channels / reduction)
        fc1 = Linear(channels, hidden)
        fc2 = Linear(hidden, channels)
        super.init()
        register(fc1, as: "fc1")
        register(fc2, as: "fc2")
    }

    override func forward(_ input: Tensor) -> Tensor {
        input.scaledChannels(by: fc2(fc1(input.globalAveragePool2d(keepDims: false)).relu()).sigmoid())
    }
}
