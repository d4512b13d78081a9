import NN
import Tensor

/// MobileNetV2's inverted residual block, with torchvision's layout and keys: `conv` is a `Sequential` of
/// [1 × 1 expansion conv + BN + ReLU6 (when `expandRatio != 1`)], 3 × 3 depthwise conv + BN + ReLU6,
/// 1 × 1 linear projection conv, BN; the input is added when stride is 1 and channels are unchanged.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class InvertedResidual: Module, @unchecked Sendable {
    /// Whether the input is added to the output (stride 1, same channels).
    public let usesResidual: Bool
    /// The block's layers, torchvision's `conv` Sequential.
    public let conv: Sequential

    /// A block from `inChannels` to `outChannels` with hidden width `inChannels · expandRatio`.
    public init(_ inChannels: Int, _ outChannels: Int, stride: Int, expandRatio: Int) {
        precondition(stride == 1 || stride == 2, "InvertedResidual: stride must be 1 or 2, got \(stride)")
        let hidden = inChannels * expandRatio
        usesResidual = stride == 1 && inChannels == outChannels
        var layers: [Module] = []
        if expandRatio != 1 { layers.append(Self.convNormReLU6(inChannels, hidden, kernelSize: 1)) }
        layers += [Self.convNormReLU6(hidden, hidden, kernelSize: 3, stride: stride, groups: hidden),
                   Conv2D(hidden, outChannels, kernelSize: 1, bias: false), BatchNorm2D(outChannels)]
        conv = Sequential(layers)
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        usesResidual ? input + conv(input) : conv(input)
    }

    /// torchvision's `Conv2dNormActivation`: bias-free conv (padding (k − 1) / 2), BatchNorm2d, ReLU6.
    static func convNormReLU6(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1,
                              groups: Int = 1) -> Sequential {
        Sequential(Conv2D(inChannels, outChannels, kernelSize: Pair2D(kernelSize), stride: Pair2D(stride),
                          padding: .explicit((kernelSize - 1) / 2), groups: groups, bias: false),
                   BatchNorm2D(outChannels), ReLU6())
    }
}
