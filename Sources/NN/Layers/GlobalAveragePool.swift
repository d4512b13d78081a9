import Tensor

/// The mean over H and W of `[N, C, H, W]`: `[N, C]` (Keras `GlobalAveragePooling2D`), or `[N, C, 1, 1]`
/// with `keepDims` (PyTorch `AdaptiveAvgPool2d(1)`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class GlobalAveragePool: Module, @unchecked Sendable {
    /// Whether the output keeps the pooled axes as size 1.
    public let keepDims: Bool

    /// Keras' `[N, C]` output unless `keepDims`.
    public init(keepDims: Bool = false) {
        self.keepDims = keepDims
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        input.globalAveragePool2d(keepDims: keepDims)
    }
}
