import Tensor

/// The window of a 2-D pooling layer (shared by `MaxPool2D` and `AvgPool2D`).
public class Pool2D: Module {
    public let kernelSize: Pair2D
    public let stride: Pair2D
    public let padding: Padding
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
