import Tensor

/// 1-D convolution over `[N, C, L]` (as `torch.nn.Conv1d`; Keras `Conv1D`), weight `[out, in / groups, k]`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Conv1D: Module, @unchecked Sendable {
    /// Input channels.
    public let inChannels: Int
    /// Output channels.
    public let outChannels: Int
    /// Window size.
    public let kernelSize: Int
    /// Window step.
    public let stride: Int
    /// Border padding.
    public let padding: Padding
    /// Spacing between kernel taps.
    public let dilation: Int
    /// Channel groups (`inChannels` for a depthwise convolution).
    public let groups: Int
    /// `[outChannels, inChannels / groups, kernelSize]`.
    public let weight: Parameter
    /// `[outChannels]`, or nil without bias.
    public let bias: Parameter?

    /// A convolution initialised by the current `ParameterInitialization`.
    public init(_ inChannels: Int, _ outChannels: Int, kernelSize: Int, stride: Int = 1, padding: Padding = .valid,
                dilation: Int = 1, groups: Int = 1, bias: Bool = true) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.kernelSize = kernelSize
        self.stride = stride
        self.padding = padding
        self.dilation = dilation
        self.groups = groups
        (weight, self.bias) = ConvolutionParameters.make(layer: "Conv1D", inChannels: inChannels,
                                                         outChannels: outChannels, groups: groups,
                                                         kernelShape: [kernelSize], bias: bias)
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        input.conv1d(weight.value, bias: bias?.value, stride: stride, padding: padding, dilation: dilation,
                     groups: groups)
    }
}
