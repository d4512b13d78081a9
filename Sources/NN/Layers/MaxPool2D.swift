import Tensor

/// Max pooling over `[N, C, H, W]` (as `torch.nn.MaxPool2d`; Keras `MaxPooling2D` with `padding: .same`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class MaxPool2D: Pool2D, @unchecked Sendable {
    public override func forward(_ input: Tensor) -> Tensor {
        input.maxPool2d(kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode)
    }
}
