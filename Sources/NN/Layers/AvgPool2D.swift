import Tensor

/// Average pooling over `[N, C, H, W]` (as `torch.nn.AvgPool2d`; Keras `AveragePooling2D`). With
/// `.same` padding the padded zeros are not counted (Keras); with explicit padding they are (PyTorch).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class AvgPool2D: Pool2D, @unchecked Sendable {
    public override func forward(_ input: Tensor) -> Tensor {
        input.avgPool2d(kernelSize: kernelSize, stride: stride, padding: padding, ceilMode: ceilMode)
    }
}
