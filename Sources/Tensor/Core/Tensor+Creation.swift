extension Tensor {
    /// A tensor of `shape` filled with `value` (as `torch.full`).
    @inlinable
    public static func full(_ shape: [Int], value: Float) -> Tensor {
        Tensor(shape: shape, storage: TensorStorage(repeating: value, count: elementCount(of: shape)))
    }

    /// A tensor of `shape` filled with zeros (as `torch.zeros`).
    @inlinable
    public static func zeros(_ shape: [Int]) -> Tensor { full(shape, value: 0) }

    /// A tensor of `shape` filled with ones (as `torch.ones`).
    @inlinable
    public static func ones(_ shape: [Int]) -> Tensor { full(shape, value: 1) }

    /// Zeros with the shape of `other` (as `torch.zeros_like`).
    @inlinable
    public static func zeros(like other: Tensor) -> Tensor { zeros(other.shape) }

    /// `start, start + step, …` up to but excluding `end`, as `torch.arange(start, end, step)`.
    public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) -> Tensor {
        precondition(step != 0 && step.isFinite, "arange: step must be finite and non-zero, got \(step)")
        let count = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor(shape: [count]) { buffer in
            for index in 0..<count { buffer[index] = start + Float(index) * step }
        }
    }
}
