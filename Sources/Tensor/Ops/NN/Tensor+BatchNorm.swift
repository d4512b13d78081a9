import ConcurrencySupport

extension Tensor {
    /// Batch normalisation over axis 1 of an `[N, C, …]` tensor, as `torch.nn.functional.batch_norm`.
    ///
    /// In training the batch mean and biased variance normalise, and the running statistics move
    /// towards the batch mean and the unbiased variance: `running = (1 − momentum) · running +
    /// momentum · batch`. In evaluation the running statistics normalise and are left unchanged.
    /// Differentiable with respect to the input, `weight` and `bias` (the running statistics are
    /// constants, as in PyTorch).
    ///
    /// - Parameters:
    ///   - runningMean: `[C]`, updated in training.
    ///   - runningVariance: `[C]`, updated in training.
    ///   - weight: `[C]` scale (γ), or nil for 1.
    ///   - bias: `[C]` shift (β), or nil for 0.
    ///   - training: Use batch statistics (and update the running ones) rather than running statistics.
    ///   - momentum: Weight of the batch statistics in the running update (PyTorch's default 0.1;
    ///     Keras's `momentum=0.99` is `0.01` here).
    ///   - epsilon: Added to the variance before the square root.
    /// - Returns: The normalised tensor, shaped as `self`.
    public func batchNorm(runningMean: inout Tensor, runningVariance: inout Tensor, weight: Tensor? = nil,
                          bias: Tensor? = nil, training: Bool, momentum: Float = 0.1, epsilon: Float = 1e-5) -> Tensor {
        precondition(rank >= 2, "batchNorm: input must be [N, C, …], got \(shape)")
        let channels = shape[1]
        for (name, tensor) in [("runningMean", runningMean), ("runningVariance", runningVariance),
                               ("weight", weight), ("bias", bias)] {
            precondition(tensor.map { $0.shape == [channels] } ?? true,
                         "batchNorm: \(name) must be [\(channels)], got \(tensor?.shape ?? [])")
        }
        let kernel = BatchNormKernel(batch: shape[0], channels: channels, spatial: count / Swift.max(shape[0] * channels, 1))
        let size = kernel.reductionSize
        precondition(!training || size > 1, "batchNorm: training needs more than one value per channel, input is \(shape)")
        // Per channel: the mean and 1/σ that normalise (batch ones in training, running ones
        // otherwise), then the unbiased batch variance.
        let statistics = TensorStorage(uninitializedCount: 3 * channels)
        let (mean, inverseDeviation, batchVariance) = (statistics.pointer, statistics.pointer + channels,
                                                       statistics.pointer + 2 * channels)
        mean.initialize(from: runningMean.storage.pointer, count: channels)
        for channel in 0..<channels {
            inverseDeviation[channel] = 1 / (runningVariance.storage.pointer[channel] + epsilon).squareRoot()
        }
        let input = self
        let gamma = weight?.scalars ?? [Float](repeating: 1, count: channels), beta = bias?.scalars
        let value = Tensor(shape: shape) { output in
            let shared = (mean: SharedPointer(mean), inverseDeviation: SharedPointer(inverseDeviation),
                          batchVariance: SharedPointer(batchVariance), output: SharedPointer(output))
            Parallel.parallelFor(0..<channels) { range in
                let (mean, inverseDeviation, batchVariance) = (shared.mean, shared.inverseDeviation, shared.batchVariance)
                for channel in range {
                    if training {
                        let batch = kernel.statistics(input.storage.pointer, channel: channel)
                        mean[channel] = Float(batch.mean)
                        inverseDeviation[channel] = Float(1 / (batch.variance + Double(epsilon)).squareRoot())
                        batchVariance[channel] = Float(batch.variance * Double(size) / Double(size - 1))
                    }
                    let scale = gamma[channel] * inverseDeviation[channel]
                    kernel.affine(input.storage.pointer, scale: scale, nil, offset: 0,
                                  shift: (beta?[channel] ?? 0) - mean[channel] * scale, channel: channel,
                                  into: shared.output.pointer)
                }
            }
        }
        func channelTensor(_ values: UnsafePointer<Float>) -> Tensor {
            Tensor(shape: [channels]) { $0.baseAddress!.initialize(from: values, count: channels) }
        }
        if training {
            runningMean = (1 - momentum) * runningMean + momentum * channelTensor(mean)
            runningVariance = (1 - momentum) * runningVariance + momentum * channelTensor(batchVariance)
        }
        return Tensor.makeResult(value, parents: [input] + [weight, bias].compactMap { $0 }) { gradient in
            // γ and β gradients, then the input gradient.
            let gradients = TensorStorage(uninitializedCount: 2 * channels)
            let inputGradient = input.requiresGrad ? TensorStorage(uninitializedCount: input.count) : nil
            Parallel.parallelFor(0..<channels) { range in
                for channel in range {
                    let (mean, inverse) = (statistics.pointer[channel], statistics.pointer[channels + channel])
                    let sums = kernel.gradientSums(input.storage.pointer, gradient.storage.pointer, channel: channel, mean: mean)
                    gradients.pointer[channel] = Float(sums.gradientTimesCentered) * inverse
                    gradients.pointer[channels + channel] = Float(sums.gradient)
                    guard let inputGradient else { continue }
                    // dx = k·(dy − c − (x − mean)·q) with k = γ/σ and, in training only, the batch
                    // statistics' terms c = Σdy / M and q = Σdy·(x − mean) / (σ²·M).
                    let k = gamma[channel] * inverse
                    let q = training ? Float(sums.gradientTimesCentered) * inverse * inverse / Float(size) : 0
                    let c = training ? Float(sums.gradient) / Float(size) : 0
                    kernel.affine(gradient.storage.pointer, scale: k, input.storage.pointer, offset: -k * q,
                                  shift: k * (q * mean - c), channel: channel, into: inputGradient.pointer)
                }
            }
            return [inputGradient.map { Tensor(shape: input.shape, storage: $0) }]
                + (weight == nil ? [] : [channelTensor(gradients.pointer)])
                + (bias == nil ? [] : [channelTensor(gradients.pointer + channels)])
        }
    }
}
