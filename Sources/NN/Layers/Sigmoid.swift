import Tensor

/// Elementwise 1 / (1 + e⁻ˣ) (as `torch.nn.Sigmoid`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Sigmoid: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor { input.sigmoid() }
}
