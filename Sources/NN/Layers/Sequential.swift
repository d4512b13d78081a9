import Tensor

/// Modules applied in order, registered as children `0`, `1`, … (as `torch.nn.Sequential`, so keys read
/// `features.0.weight`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Sequential: Module, @unchecked Sendable {
    /// The layers in order.
    public private(set) var layers: [Module] = []

    /// A chain of `layers`.
    public init(_ layers: [Module]) {
        super.init()
        for layer in layers { append(layer) }
    }

    /// A chain of `layers`.
    public convenience init(_ layers: Module...) {
        self.init(layers)
    }

    /// Appends `layer` as the next child.
    public func append(_ layer: Module) {
        register(layer, as: String(layers.count))
        layers.append(layer)
    }

    /// The layers applied in order. Without recorded gradients (`Tensor.withoutGrad`), convolutions
    /// run with a following evaluation-mode batch normalisation folded in and a following ReLU or ReLU6
    /// applied in place (`fusedInference`): the same numbers up to float rounding, fewer passes and tensors.
    public override func forward(_ input: Tensor) -> Tensor {
        Tensor.isGradEnabled ? layers.reduce(input) { $1($0) } : fusedInference(input)
    }
}
