import Tensor

/// Elementwise min(max(0, x), 6) (as `torch.nn.ReLU6`, MobileNetV2's activation).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ReLU6: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor { input.relu6() }
}
