import Tensor

extension Sequential {
    /// The layers applied in order, as `forward`, for inference without recorded gradients: a `Conv2D`
    /// followed by a `BatchNorm2D` in evaluation mode runs as one convolution with the normalisation
    /// folded into its weight and bias (`w · γ/σ` and `(b − μ) · γ/σ + β`, with σ = √(running_var + ε)),
    /// and a `ReLU` or `ReLU6` right after a convolution (folded or not) or a `Linear` clamps its fresh
    /// output in place: one pass over the activations where there were up to three, and up to two
    /// tensors fewer.
    /// Every layer still records its output shape (for `summary()`).
    ///
    /// The result equals the layers run one by one up to float rounding.
    ///
    /// - Precondition: gradients are not being recorded (inside `Tensor.withoutGrad`).
    func fusedInference(_ input: Tensor) -> Tensor {
        precondition(!Tensor.isGradEnabled, "Sequential.fusedInference runs only inside Tensor.withoutGrad")
        var output = input
        var index = 0
        while index < layers.count {
            let layer = layers[index]
            guard layer is Conv2D || layer is Linear else {
                output = layer(output)
                index += 1
                continue
            }
            var fused: [Module] = [layer]
            if let conv = layer as? Conv2D, let norm = layers[safe: index + 1] as? BatchNorm2D, !norm.isTraining {
                output = Self.convolution(conv, folding: norm, output)
                fused.append(norm)
            } else {
                output = layer(output)
            }
            if let next = layers[safe: index + fused.count], let bounds = Self.clampBounds(of: next) {
                output.clamp(min: bounds.lower, max: bounds.upper)
                fused.append(next)
            }
            for module in fused { OutputShapeTrace.record(output.shape, for: module) }
            index += fused.count
        }
        return output
    }

    /// `conv` then `norm` in evaluation mode, as one convolution.
    private static func convolution(_ conv: Conv2D, folding norm: BatchNorm, _ input: Tensor) -> Tensor {
        precondition(norm.features == conv.outChannels,
                     "\(norm.typeName)(\(norm.features)) after Conv2D with \(conv.outChannels) output channels")
        let (scale, shift) = norm.inferenceAffine()
        let weight = conv.weight.value * scale.reshaped(to: [scale.count, 1, 1, 1])
        let bias = conv.bias.map { $0.value * scale + shift } ?? shift
        return input.conv2d(weight, bias: bias, stride: conv.stride, padding: conv.padding, dilation: conv.dilation,
                            groups: conv.groups)
    }

    /// The bounds of a clamping activation layer (ReLU, ReLU6), nil for other layers.
    private static func clampBounds(of layer: Module) -> (lower: Float, upper: Float?)? {
        switch layer {
        case is ReLU: (0, nil)
        case is ReLU6: (0, 6)
        default: nil
        }
    }
}

private extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
