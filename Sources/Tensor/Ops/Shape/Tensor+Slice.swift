extension Tensor {
    /// Elements `range` along `axis` (as `torch.narrow(dim, start, length)` or `x[..., a:b, ...]`).
    public func sliced(axis: Int, _ range: Range<Int>) -> Tensor {
        let axis = normalizedAxis(axis)
        precondition(range.lowerBound >= 0 && range.upperBound <= shape[axis],
                     "sliced(axis: \(axis), \(range)): out of bounds for shape \(shape)")
        var origin = [Int](repeating: 0, count: rank), size = shape
        origin[axis] = range.lowerBound
        size[axis] = range.count
        return cropped(origin: origin, size: size)
    }

    /// The box of shape `size` starting at `origin` (one entry per dimension, within bounds).
    func cropped(origin: [Int], size: [Int]) -> Tensor {
        if size == shape { return self }
        let inputStrides = strides
        let offset = zip(origin, inputStrides).reduce(0) { $0 + $1.0 * $1.1 }
        let plan = StridedPlan(shape: size, inputStrides, Tensor.contiguousStrides(for: size))
        let value = Tensor(shape: size) { out in plan.copy(from: storage.pointer + offset, to: out.baseAddress!) }
        let inputShape = shape
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [gradient.padded(zip(origin, zip(size, inputShape)).map { ($0, $1.1 - $1.0 - $0) })]
        }
    }
}
