extension Tensor {
    /// The tensor with its dimensions reordered: result axis `i` is input axis `axes[i]` (as `torch.permute`).
    /// The elements are copied into the new row-major order.
    public func permuted(_ axes: [Int]) -> Tensor {
        let axes = axes.map { normalizedAxis($0) }
        precondition(axes.count == rank && Set(axes).count == rank, "permuted(\(axes)): not a permutation of the axes of shape \(shape)")
        let inputStrides = strides
        let newShape = axes.map { shape[$0] }
        let plan = StridedPlan(shape: newShape, axes.map { inputStrides[$0] }, Tensor.contiguousStrides(for: newShape))
        let value = Tensor(shape: newShape) { out in plan.copy(from: storage.pointer, to: out.baseAddress!) }
        var inverse = axes
        for (position, axis) in axes.enumerated() { inverse[axis] = position }
        return Tensor.makeResult(value, parents: [self]) { gradient in [gradient.permuted(inverse)] }
    }

    /// The tensor with dimensions `dim0` and `dim1` swapped (as `torch.transpose`); by default the last two.
    public func transposed(_ dim0: Int = -2, _ dim1: Int = -1) -> Tensor {
        var axes = Array(0..<rank)
        axes.swapAt(normalizedAxis(dim0), normalizedAxis(dim1))
        return permuted(axes)
    }
}
