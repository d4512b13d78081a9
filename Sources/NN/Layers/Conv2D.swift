import Tensor

/// 2-D convolution over `[N, C, H, W]` (as `torch.nn.Conv2d`; Keras `Conv2D`, `DepthwiseConv2D` with
/// `groups == inChannels`), weight `[out, in / groups, kh, kw]`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Conv2D: Module, @unchecked Sendable {
    /// Input channels.
    public let inChannels: Int
    /// Output channels.
    public let outChannels: Int
    /// Window size.
    public let kernelSize: Pair2D
    /// Window step.
    public let stride: Pair2D
    /// Border padding.
    public let padding: Padding
    /// Spacing between kernel taps.
    public let dilation: Pair2D
    /// Channel groups (`inChannels` for a depthwise convolution).
    public let groups: Int
    /// `[outChannels, inChannels / groups, kernelHeight, kernelWidth]`.
    public let weight: Parameter
    /// `[outChannels]`, or nil without bias.
    public let bias: Parameter?

    /// A convolution initialised by the current `ParameterInitialization`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Pair2D, stride: Pair2D = 1,
                padding: Padding = .valid, dilation: Pair2D = 1, groups: Int = 1, bias: Bool = true) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        (weight, self.bias) = ConvolutionParameters.make(layer: "Conv2D", inChannels: inChannels,
                                                         outChannels: outChannels, groups: groups,
                                                         kernelShape: [kernelSize.height, kernelSize.width], bias: bias)
        super.init()
    }

    /// A depthwise convolution: one `kernelSize` filter per channel (`groups == channels`).
    public static func depthwise(_ channels: Int, kernelSize: Pair2D, stride: Pair2D = 1, padding: Padding = .valid,
                                 bias: Bool = true) -> Conv2D {
        Conv2D(channels, channels, kernelSize: kernelSize, stride: stride, padding: padding, groups: channels, bias: bias)
    }

    public override func forward(_ input: Tensor) -> Tensor {
        input.conv2d(weight.value, bias: bias?.value, stride: stride, padding: padding, dilation: dilation,
                     groups: groups)
    }
}
