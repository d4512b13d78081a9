extension Tensor {
    /// The tensor surrounded by `value`: `padding[i]` elements are added before and after axis `i`
    /// (one pair per dimension, non-negative; as `torch.nn.functional.pad(mode="constant")`, whose
    /// flat list runs from the last dimension instead).
    public func padded(_ padding: [(before: Int, after: Int)], value: Float = 0) -> Tensor {
        precondition(padding.count == rank && padding.allSatisfy { $0.before >= 0 && $0.after >= 0 },
                     "padded: need one non-negative (before, after) pair per dimension of shape \(shape), got \(padding)")
        let newShape = zip(shape, padding).map { $0 + $1.before + $1.after }
        if newShape == shape { return self }
        let outputStrides = Tensor.contiguousStrides(for: newShape)
        let offset = zip(padding, outputStrides).reduce(0) { $0 + $1.0.before * $1.1 }
        let plan = StridedPlan(shape: shape, strides, outputStrides)
        var result = Tensor.full(newShape, value: value)
        result.withUnsafeMutableBufferPointer { out in plan.copy(from: storage.pointer, to: out.baseAddress! + offset) }
        let origin = padding.map { $0.before }, size = shape
        return Tensor.makeResult(result, parents: [self]) { gradient in [gradient.cropped(origin: origin, size: size)] }
    }
}
