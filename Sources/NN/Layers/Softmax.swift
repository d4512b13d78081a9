import Tensor

/// Softmax along `axis` (default: the class axis 1 of `[N, C]`), as `torch.nn.Softmax(dim=1)` and the final
/// Keras `Dense(10, activation="softmax")`; pair it with `CategoricalCrossEntropy`.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Softmax: Module, @unchecked Sendable {
    /// The axis normalised to sum to 1.
    public let axis: Int

    /// Softmax over `axis` (default 1, the classes of `[N, C]`).
    public init(axis: Int = 1) {
        self.axis = axis
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { input.softmax(axis: axis) }
}
