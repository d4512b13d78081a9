import ConcurrencySupport

extension Tensor {
    /// Elementwise sum with NumPy broadcasting (as `torch.add`).
    public static func + (lhs: Tensor, rhs: Tensor) -> Tensor {
        makeResult(broadcasting(lhs, rhs, "+", Elementwise.Add.self), parents: [lhs, rhs]) { gradient in [gradient, gradient] }
    }

    /// Elementwise difference with NumPy broadcasting (as `torch.sub`).
    public static func - (lhs: Tensor, rhs: Tensor) -> Tensor {
        let needsRight = rhs.requiresGrad
        return makeResult(broadcasting(lhs, rhs, "-", Elementwise.Subtract.self), parents: [lhs, rhs]) { gradient in
            [gradient, needsRight ? -gradient : nil]
        }
    }

    /// Elementwise product with NumPy broadcasting (as `torch.mul`).
    public static func * (lhs: Tensor, rhs: Tensor) -> Tensor {
        let needsLeft = lhs.requiresGrad, needsRight = rhs.requiresGrad
        return makeResult(broadcasting(lhs, rhs, "*", Elementwise.Multiply.self), parents: [lhs, rhs]) { gradient in
            [needsLeft ? gradient * rhs : nil, needsRight ? gradient * lhs : nil]
        }
    }

    /// Elementwise quotient with NumPy broadcasting (as `torch.div`).
    public static func / (lhs: Tensor, rhs: Tensor) -> Tensor {
        let needsLeft = lhs.requiresGrad, needsRight = rhs.requiresGrad
        let quotient = broadcasting(lhs, rhs, "/", Elementwise.Divide.self)
        return makeResult(quotient, parents: [lhs, rhs]) { gradient in
            let gradientOverRight = gradient / rhs
            return [needsLeft ? gradientOverRight : nil, needsRight ? -(gradientOverRight * quotient) : nil]
        }
    }

    /// Elementwise negation.
    public static prefix func - (operand: Tensor) -> Tensor {
        makeResult(operand.mapped { -$0 }, parents: [operand]) { gradient in [-gradient] }
    }

    /// Sum with a scalar, broadcast to every element.
    public static func + (lhs: Tensor, rhs: Float) -> Tensor { lhs + Tensor(rhs) }
    /// Sum with a scalar, broadcast to every element.
    public static func + (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) + rhs }
    /// Difference with a scalar, broadcast to every element.
    public static func - (lhs: Tensor, rhs: Float) -> Tensor { lhs - Tensor(rhs) }
    /// Difference with a scalar, broadcast to every element.
    public static func - (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) - rhs }
    /// Product with a scalar, broadcast to every element.
    public static func * (lhs: Tensor, rhs: Float) -> Tensor { lhs * Tensor(rhs) }
    /// Product with a scalar, broadcast to every element.
    public static func * (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) * rhs }
    /// Quotient with a scalar, broadcast to every element.
    public static func / (lhs: Tensor, rhs: Float) -> Tensor { lhs / Tensor(rhs) }
    /// Quotient with a scalar, broadcast to every element.
    public static func / (lhs: Float, rhs: Tensor) -> Tensor { Tensor(lhs) / rhs }

    /// `lhs = lhs + rhs` (recorded like the operator; the storage is not updated in place).
    public static func += (lhs: inout Tensor, rhs: Tensor) { lhs = lhs + rhs }
    /// `lhs = lhs - rhs` (recorded like the operator; the storage is not updated in place).
    public static func -= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs - rhs }
    /// `lhs = lhs * rhs` (recorded like the operator; the storage is not updated in place).
    public static func *= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs * rhs }
    /// `lhs = lhs / rhs` (recorded like the operator; the storage is not updated in place).
    public static func /= (lhs: inout Tensor, rhs: Tensor) { lhs = lhs / rhs }
    /// `lhs = lhs + rhs` (recorded like the operator; the storage is not updated in place).
    public static func += (lhs: inout Tensor, rhs: Float) { lhs = lhs + rhs }
    /// `lhs = lhs - rhs` (recorded like the operator; the storage is not updated in place).
    public static func -= (lhs: inout Tensor, rhs: Float) { lhs = lhs - rhs }
    /// `lhs = lhs * rhs` (recorded like the operator; the storage is not updated in place).
    public static func *= (lhs: inout Tensor, rhs: Float) { lhs = lhs * rhs }
    /// `lhs = lhs / rhs` (recorded like the operator; the storage is not updated in place).
    public static func /= (lhs: inout Tensor, rhs: Float) { lhs = lhs / rhs }

    /// Adds `other` (same shape) into this tensor's storage in place, copying first only if shared.
    /// Not recorded: for gradient accumulation and optimizer updates inside `withoutGrad`.
    public mutating func addInPlace(_ other: Tensor, scaledBy scale: Float = 1) {
        precondition(shape == other.shape, "addInPlace: shape \(other.shape) differs from \(shape)")
        let y = SharedPointer(other.storage.pointer)
        withUnsafeMutableBufferPointer { buffer in
            let x = SharedPointer(buffer)
            Parallel.parallelFor(0..<buffer.count, minimumChunk: Tensor.elementwiseChunk) { range in
                for i in range { x[i] += scale * y[i] }
            }
        }
    }
}
