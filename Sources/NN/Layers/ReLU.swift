import Tensor

/// Elementwise max(0, x) (as `torch.nn.ReLU`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ReLU: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor { input.relu() }
}
