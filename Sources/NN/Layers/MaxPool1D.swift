import Tensor

/// Max pooling over the last axis of `[N, C, L]` with window and stride `kernelSize` (as
/// `torch.nn.MaxPool1d(kernelSize)`): `[N, C, L / kernelSize]`, a trailing partial window dropped.
///
/// ```swift
/// let pooled = MaxPool1D(kernelSize: 4)(x)   // [8, 128, 100] → [8, 128, 25]
/// ```
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class MaxPool1D: Module, @unchecked Sendable {
    /// Window length and stride.
    public let kernelSize: Int

    /// A pool over windows of `kernelSize` (≥ 1) steps.
    public init(kernelSize: Int) {
        precondition(kernelSize >= 1, "MaxPool1D: kernel size \(kernelSize) must be at least 1")
        self.kernelSize = kernelSize
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3, "MaxPool1D: input \(input.shape) must be [N, C, L]")
        return input.unsqueezed(axis: 2).maxPool2d(kernelSize: Pair2D(height: 1, width: kernelSize)).squeezed(axis: 2)
    }
}
