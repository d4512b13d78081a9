extension Tensor {
    /// The tensor broadcast to `newShape` by NumPy rules, materialised (as `torch.Tensor.expand(...).contiguous()`).
    ///
    /// The backward sums the gradient over the broadcast dimensions.
    public func expanded(to newShape: [Int]) -> Tensor {
        precondition(Tensor.broadcastShape(shape, newShape, "expanded(to:)") == newShape,
                     "expanded(to: \(newShape)): shape \(shape) does not broadcast to it")
        if newShape == shape { return self }
        let plan = StridedPlan(shape: newShape, StridedPlan.broadcastStrides(shape, to: newShape),
                               Tensor.contiguousStrides(for: newShape))
        let value = Tensor(shape: newShape) { out in plan.copy(from: storage.pointer, to: out.baseAddress!) }
        return Tensor.makeResult(value, parents: [self]) { gradient in [gradient] }
    }
}
