import Tensor

/// Elementwise max(0, x) (as `torch.nn.ReLU`).
public final class ReLU: Module {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor { input.relu() }
}
