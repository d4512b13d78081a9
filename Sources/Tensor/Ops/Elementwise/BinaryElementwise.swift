import Foundation

/// A binary elementwise function as a type, so that `Tensor.broadcasting` specialises its loops for
/// each one (a closure would be called once per element from the worker threads).
/// (`SendableMetatype`: the type is used on the worker threads of `Parallel.parallelFor`.)
@usableFromInline
protocol BinaryElementwise: SendableMetatype {
    static func apply(_ a: Float, _ b: Float) -> Float
}

/// The binary elementwise functions behind Tensor's arithmetic, comparison and power operators.
@usableFromInline
enum Elementwise {
    /// `+`
    @usableFromInline enum Add: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a + b }
    }

    /// `-`
    @usableFromInline enum Subtract: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a - b }
    }

    /// `*`
    @usableFromInline enum Multiply: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a * b }
    }

    /// `/`
    @usableFromInline enum Divide: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a / b }
    }

    /// `.<`
    @usableFromInline enum Less: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a < b ? 1 : 0 }
    }

    /// `.<=`
    @usableFromInline enum LessOrEqual: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a <= b ? 1 : 0 }
    }

    /// `.>`
    @usableFromInline enum Greater: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a > b ? 1 : 0 }
    }

    /// `.>=`
    @usableFromInline enum GreaterOrEqual: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a >= b ? 1 : 0 }
    }

    /// `.==`
    @usableFromInline enum Equal: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a == b ? 1 : 0 }
    }

    /// `.!=`
    @usableFromInline enum NotEqual: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { a != b ? 1 : 0 }
    }

    /// `pow`
    @usableFromInline enum Power: BinaryElementwise {
        @inlinable @inline(__always) static func apply(_ a: Float, _ b: Float) -> Float { Foundation.pow(a, b) }
    }
}
