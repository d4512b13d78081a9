import Tensor

/// A fully connected layer `y = x·Wᵀ + b` (as `torch.nn.Linear`; Keras `Dense`), weight `[out, in]`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Linear: Module, @unchecked Sendable {
    /// Input features.
    public let inputFeatures: Int
    /// Output features.
    public let outputFeatures: Int
    /// `[outputFeatures, inputFeatures]`.
    public let weight: Parameter
    /// `[outputFeatures]`, or nil without bias.
    public let bias: Parameter?

    /// A layer from `inputFeatures` to `outputFeatures`, initialised by the current `ParameterInitialization`.
    public init(_ inputFeatures: Int, _ outputFeatures: Int, bias: Bool = true) {
        precondition(inputFeatures > 0 && outputFeatures > 0, "Linear(\(inputFeatures), \(outputFeatures)): sizes must be positive")
        self.inputFeatures = inputFeatures
        self.outputFeatures = outputFeatures
        weight = Parameter(ParameterInitialization.weight([outputFeatures, inputFeatures],
                                                          fanIn: inputFeatures, fanOut: outputFeatures))
        self.bias = bias ? Parameter(ParameterInitialization.bias(outputFeatures, fanIn: inputFeatures)) : nil
        super.init()
    }

    /// `[..., in]` → `[..., out]`.
    public override func forward(_ input: Tensor) -> Tensor {
        precondition(input.shape.last == inputFeatures,
                     "Linear(\(inputFeatures), \(outputFeatures)): input shape \(input.shape) does not end in \(inputFeatures)")
        return input.linear(weight: weight.value, bias: bias?.value)
    }
}
