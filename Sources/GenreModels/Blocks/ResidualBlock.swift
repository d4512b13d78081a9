import NN
import Tensor

// Stand-in until NN ships `ResidualBlock` (internal, see Support/ReLU.swift).
/// Two "same" convolutions with batch normalisation and a shortcut, `relu(bn2(conv2(relu(bn1(conv1(x))))) + s(x))`,
/// where `s` is the identity when the channel counts match and a 1 × 1 convolution (`shortcut`) otherwise
/// (the Keras identity and projection blocks). Keys: `conv1`, `bn1`, `conv2`, `bn2`, `shortcut`.
final class ResidualBlock: Module {
    let conv1: Conv2D
    let bn1: BatchNorm2D
    let conv2: Conv2D
    let bn2: BatchNorm2D
    let shortcut: Conv2D?

    init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int = 3, convention: BatchNorm.Convention) {
        conv1 = Conv2D(inChannels, outChannels, kernelSize: Pair2D(kernelSize), padding: .same)
        bn1 = BatchNorm2D(outChannels, convention: convention)
        conv2 = Conv2D(outChannels, outChannels, kernelSize: Pair2D(kernelSize), padding: .same)
        bn2 = BatchNorm2D(outChannels, convention: convention)
        shortcut = inChannels == outChannels ? nil : Conv2D(inChannels, outChannels, kernelSize: 1)
        super.init()
        register(conv1, as: "conv1")
        register(bn1, as: "bn1")
        register(conv2, as: "conv2")
        register(bn2, as: "bn2")
        if let shortcut { register(shortcut, as: "shortcut") }
    }

    override func forward(_ input: Tensor) -> Tensor {
        let residual = bn2(conv2(bn1(conv1(input)).relu()))
        return (residual + (shortcut?(input) ?? input)).relu()
    }
}
