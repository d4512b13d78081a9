import Tensor

/// Elementwise 1 / (1 + e⁻ˣ) (as `torch.nn.Sigmoid`).
public final class Sigmoid: Module {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor { input.sigmoid() }
}
