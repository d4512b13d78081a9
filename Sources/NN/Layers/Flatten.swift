import Tensor

/// Flattens every dimension after the batch: `[N, C, H, W]` → `[N, C·H·W]` (as `torch.nn.Flatten`).
///
/// The order is PyTorch's channel-major order; Keras models flatten channels-last, which only permutes the
/// following Linear layer's input weights and leaves parameter counts unchanged.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Flatten: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor {
        input.flattened(startDim: 1)
    }
}
