/// How a convolution or pooling window is padded at the borders of each spatial axis.
public enum Padding: Equatable, Hashable, Sendable {
    /// No padding (Keras "valid", PyTorch `padding=0`).
    case valid
    /// TensorFlow/Keras "same": `⌈input / stride⌉` outputs per axis, the needed padding split with the
    /// odd element after (bottom/right). For stride 1 this is also PyTorch's `padding="same"`.
    case same
    /// The same number of zeros before and after every spatial axis (PyTorch `padding=n`).
    case explicit(Int)
    /// Zeros before and after each spatial axis, one amount per axis, e.g. `[height, width]`
    /// (PyTorch `padding=(h, w)`).
    case perAxis([Int])

    /// The padding before and after spatial axis `axis` of `axisCount`, for a window of `kernelSize`
    /// taps with `stride` and `dilation` over `inputSize` elements.
    func amounts(axis: Int, of axisCount: Int, inputSize: Int, kernelSize: Int, stride: Int,
                 dilation: Int, _ operation: String) -> (before: Int, after: Int) {
        switch self {
        case .valid:
            return (0, 0)
        case .same:
            return WindowAxis.samePadding(inputSize: inputSize, kernelSize: kernelSize, stride: stride,
                                          dilation: dilation)
        case let .explicit(amount):
            precondition(amount >= 0, "\(operation): padding \(amount) must be ≥ 0")
            return (amount, amount)
        case let .perAxis(amounts):
            precondition(amounts.count == axisCount && amounts.allSatisfy { $0 >= 0 },
                         "\(operation): padding \(amounts) needs \(axisCount) amounts ≥ 0, one per spatial axis")
            return (amounts[axis], amounts[axis])
        }
    }
}
