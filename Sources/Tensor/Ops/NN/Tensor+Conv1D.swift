extension Tensor {
    /// 1-D cross-correlation of an `[N, C, L]` batch, as `torch.nn.functional.conv1d`.
    ///
    /// Runs as `conv2d` on `[N, C, 1, L]`, so it shares its kernels and gradients.
    ///
    /// - Parameters:
    ///   - weight: `[outChannels, inChannels / groups, kernelSize]`.
    ///   - bias: `[outChannels]`, or nil for none.
    ///   - stride: Step of the window.
    ///   - padding: `.valid`, `.same` (TensorFlow's), `.explicit(n)` or `.perAxis([n])`.
    ///   - dilation: Spacing between kernel taps.
    ///   - groups: Channel groups.
    /// - Returns: `[N, outChannels, outLength]`.
    public func conv1d(_ weight: Tensor, bias: Tensor? = nil, stride: Int = 1, padding: Padding = .valid,
                       dilation: Int = 1, groups: Int = 1) -> Tensor {
        precondition(rank == 3, "conv1d: input must be [N, C, L], got \(shape)")
        precondition(weight.rank == 3, "conv1d: weight must be [outChannels, inChannels / groups, k], got \(weight.shape)")
        let planar: Padding
        switch padding {
        case .valid, .same: planar = padding
        case let .explicit(amount): planar = .perAxis([0, amount])
        case let .perAxis(amounts):
            precondition(amounts.count == 1, "conv1d: padding \(amounts) needs one amount")
            planar = .perAxis([0] + amounts)
        }
        let output = unsqueezed(axis: 2).conv2d(weight.unsqueezed(axis: 2), bias: bias,
                                                stride: Pair2D(height: 1, width: stride), padding: planar,
                                                dilation: Pair2D(height: 1, width: dilation), groups: groups)
        return output.squeezed(axis: 2)
    }
}
