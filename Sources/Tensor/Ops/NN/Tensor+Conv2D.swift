extension Tensor {
    /// 2-D cross-correlation of an NCHW batch, as `torch.nn.functional.conv2d`.
    ///
    /// Computed by im2col + `cblas_sgemm` in cache-sized bands, images split across
    /// `Parallel.threadCount` workers. Differentiable with respect to the input, `weight` and `bias`.
    /// Depthwise convolutions (`groups` equal to the input channels) run a direct vectorised kernel.
    ///
    /// ```swift
    /// let y = x.conv2d(w, bias: b, padding: .same)          // Keras Conv2D(padding="same")
    /// let z = x.conv2d(depthwise, stride: 2, padding: .explicit(1), groups: channels)
    /// ```
    ///
    /// - Parameters:
    ///   - weight: `[outChannels, inChannels / groups, kernelHeight, kernelWidth]`.
    ///   - bias: `[outChannels]`, or nil for none.
    ///   - stride: Step of the window per axis.
    ///   - padding: Zero padding; `.same` is TensorFlow's (asymmetric when the total is odd).
    ///   - dilation: Spacing between kernel taps per axis.
    ///   - groups: Channel groups; `groups == inChannels` makes a depthwise convolution.
    /// - Returns: `[N, outChannels, outHeight, outWidth]`.
    /// - Precondition: `self` is `[N, inChannels, H, W]` and the shapes and parameters agree.
    public func conv2d(_ weight: Tensor, bias: Tensor? = nil, stride: Pair2D = 1, padding: Padding = .valid,
                       dilation: Pair2D = 1, groups: Int = 1) -> Tensor {
        precondition(rank == 4, "conv2d: input must be [N, C, H, W], got \(shape)")
        precondition(weight.rank == 4, "conv2d: weight must be [outChannels, inChannels / groups, kh, kw], got \(weight.shape)")
        let (batch, channels, outChannels) = (shape[0], shape[1], weight.shape[0])
        precondition(groups >= 1 && channels % groups == 0 && outChannels % groups == 0,
                     "conv2d: groups \(groups) must divide input channels \(channels) and output channels \(outChannels)")
        precondition(weight.shape[1] == channels / groups,
                     "conv2d: weight \(weight.shape) expects \(weight.shape[1] * groups) input channels, input \(shape) has \(channels)")
        precondition(bias.map { $0.shape == [outChannels] } ?? true,
                     "conv2d: bias must be [\(outChannels)], got \(bias?.shape ?? [])")
        let geometry = WindowGeometry("conv2d", height: shape[2], width: shape[3],
                                      kernel: Pair2D(height: weight.shape[2], width: weight.shape[3]),
                                      stride: stride, dilation: dilation, padding: padding)
        let kernel = Conv2DKernel(inChannels: channels, outChannels: outChannels, groups: groups, geometry: geometry,
                                  batch: batch)
        let outputShape = [batch, outChannels, geometry.height.outputSize, geometry.width.outputSize]
        let input = self
        // The weight gradient reuses the forward's unfolded columns (or Winograd-transformed input) when
        // they are small enough.
        let keptColumns = GradMode.isEnabled && weight.requiresGrad
            ? kernel.keptCount(batch: batch).map { TensorStorage(uninitializedCount: $0) } : nil
        let value = Tensor(shape: outputShape) { output in
            kernel.forward(batch: batch, input: input.storage.pointer, weight: weight.storage.pointer,
                           bias: bias?.storage.pointer, output: output.baseAddress!, keptColumns: keptColumns?.pointer)
        }
        return Tensor.makeResult(value, parents: [input, weight] + (bias.map { [$0] } ?? [])) { gradient in
            let inputGradient = input.requiresGrad ? TensorStorage(uninitializedCount: input.count) : nil
            let weightGradient = weight.requiresGrad ? TensorStorage(uninitializedCount: weight.count) : nil
            let biasGradient = bias?.requiresGrad == true ? TensorStorage(uninitializedCount: outChannels) : nil
            withExtendedLifetime(keptColumns) {
                kernel.backward(batch: batch, input: input.storage.pointer, weight: weight.storage.pointer,
                                outputGradient: gradient.storage.pointer, inputGradient: inputGradient?.pointer,
                                weightGradient: weightGradient?.pointer, biasGradient: biasGradient?.pointer,
                                keptColumns: keptColumns?.pointer)
            }
            let gradients = [inputGradient.map { Tensor(shape: input.shape, storage: $0) },
                             weightGradient.map { Tensor(shape: weight.shape, storage: $0) }]
            return gradients + (bias == nil ? [] : [biasGradient.map { Tensor(shape: [outChannels], storage: $0) }])
        }
    }
}
