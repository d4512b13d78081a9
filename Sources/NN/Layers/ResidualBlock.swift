import Tensor

/// A basic residual block: `relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x))`, with the identity as
/// shortcut when shapes agree and a 1 × 1 projection convolution (`shortcut`) otherwise (He et al.; the
/// Keras MFCC-ResNet notebook). Children `conv1`, `bn1`, `conv2`, `bn2`, `shortcut`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ResidualBlock: Module, @unchecked Sendable {
    /// The first 3 × 3 convolution (applies the stride).
    public let conv1: Conv2D
    /// BatchNorm after `conv1`.
    public let bn1: BatchNorm2D
    /// The second 3 × 3 convolution.
    public let conv2: Conv2D
    /// BatchNorm after `conv2`.
    public let bn2: BatchNorm2D
    /// The 1 × 1 projection, nil for an identity shortcut.
    public let shortcut: Conv2D?

    /// A block from `inChannels` to `outChannels`; the first convolution applies `stride`. The projection is
    /// used when the channel counts or the stride change the shape.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Pair2D = 3, stride: Pair2D = 1,
                convolutionBias: Bool = true, batchNorm convention: BatchNorm.Convention = .pytorch) {
        conv1 = Conv2D(inChannels, outChannels, kernelSize: kernelSize, stride: stride, padding: .same, bias: convolutionBias)
        bn1 = BatchNorm2D(outChannels, convention: convention)
        conv2 = Conv2D(outChannels, outChannels, kernelSize: kernelSize, padding: .same, bias: convolutionBias)
        bn2 = BatchNorm2D(outChannels, convention: convention)
        shortcut = inChannels == outChannels && stride == 1 ? nil
            : Conv2D(inChannels, outChannels, kernelSize: 1, stride: stride, bias: convolutionBias)
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        let residual = bn2(conv2(bn1(conv1(input)).relu()))
        return (residual + (shortcut?(input) ?? input)).relu()
    }
}
