/// A (height, width) pair of window parameters: kernel size, stride or dilation of 2-D ops.
///
/// Written as an integer literal for the same value on both axes, as PyTorch's `int or tuple`
/// arguments: `stride: 2` is `Pair2D(height: 2, width: 2)`, `stride: [2, 1]` sets each axis.
public struct Pair2D: Equatable, Hashable, Sendable, ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
                      CustomStringConvertible {
    /// The value along the height (rows) axis.
    public var height: Int
    /// The value along the width (columns) axis.
    public var width: Int

    /// A pair with separate values per axis.
    public init(height: Int, width: Int) {
        self.height = height
        self.width = width
    }

    /// The same value on both axes.
    public init(_ value: Int) {
        self.init(height: value, width: value)
    }

    /// The same value on both axes, from an integer literal.
    public init(integerLiteral value: Int) {
        self.init(value)
    }

    /// `[height, width]`; any other number of elements stops with a precondition failure.
    public init(arrayLiteral elements: Int...) {
        precondition(elements.count == 2, "Pair2D: expected [height, width], got \(elements)")
        self.init(height: elements[0], width: elements[1])
    }

    /// `(height, width)`.
    public var description: String { "(\(height), \(width))" }
}
