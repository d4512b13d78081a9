import Tensor

/// The window of a 2-D pooling layer (shared by `MaxPool2D` and `AvgPool2D`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public class Pool2D: Module, @unchecked Sendable {
    /// Window size.
    public let kernelSize: Pair2D
    /// Window step.
    public let stride: Pair2D
    /// Border padding.
    public let padding: Padding
    /// Whether partial windows at the end produce outputs (PyTorch `ceil_mode`).
    public let ceilMode: Bool

    /// Pools `kernelSize` windows every `stride` (default: the kernel size, as in both frameworks).
    public init(kernelSize: Pair2D, stride: Pair2D? = nil, padding: Padding = .valid, ceilMode: Bool = false) {
        self.kernelSize = kernelSize
        self.stride = stride ?? kernelSize
        self.padding = padding
        self.ceilMode = ceilMode
        super.init()
    }
}
