import Tensor

/// The mean over H and W of `[N, C, H, W]`: `[N, C]` (Keras `GlobalAveragePooling2D`), or `[N, C, 1, 1]`
/// with `keepDims` (PyTorch `AdaptiveAvgPool2d(1)`).
public final class GlobalAveragePool: Module {
    public let keepDims: Bool

    public init(keepDims: Bool = false) {
        self.keepDims = keepDims
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        input.globalAveragePool2d(keepDims: keepDims)
    }
}
