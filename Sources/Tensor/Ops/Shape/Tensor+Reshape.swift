extension Tensor {
    /// The same elements in a new shape, sharing storage (as `torch.reshape`; tensors are always
    /// contiguous, so this never copies). One dimension may be `-1` and is inferred.
    public func reshaped(to newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let inferred = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().reduce(1) { $1.offset == inferred ? $0 : $0 * $1.element }
            precondition(known > 0 && count % known == 0, "reshaped(to: \(newShape)): cannot infer -1 for shape \(shape)")
            resolved[inferred] = count / known
        }
        precondition(resolved.allSatisfy { $0 >= 0 } && resolved.reduce(1, *) == count,
                     "reshaped(to: \(newShape)): \(count) elements of shape \(shape) do not fit")
        let originalShape = shape
        return Tensor.makeResult(Tensor(shape: resolved, storage: storage), parents: [self]) { gradient in
            [gradient.reshaped(to: originalShape)]
        }
    }

    /// Merges dimensions `startDim...endDim` into one (as `torch.flatten(start_dim, end_dim)`).
    public func flattened(startDim: Int = 0, endDim: Int = -1) -> Tensor {
        if rank == 0 { return reshaped(to: [1]) }
        let start = normalizedAxis(startDim), end = normalizedAxis(endDim)
        precondition(start <= end, "flattened: startDim \(startDim) is after endDim \(endDim) for shape \(shape)")
        let merged = shape[start...end].reduce(1, *)
        return reshaped(to: Array(shape[..<start]) + [merged] + Array(shape[(end + 1)...]))
    }

    /// Inserts a dimension of size 1 at `axis` (as `torch.unsqueeze`; negative axes count from the end of the result).
    public func unsqueezed(axis: Int) -> Tensor {
        let position = normalizedAxis(axis, rank: rank + 1)
        var newShape = shape
        newShape.insert(1, at: position)
        return reshaped(to: newShape)
    }

    /// Removes the size-1 dimension `axis` (as `torch.squeeze(dim)`), or every size-1 dimension when nil.
    public func squeezed(axis: Int? = nil) -> Tensor {
        guard let axis else { return reshaped(to: shape.filter { $0 != 1 }) }
        let position = normalizedAxis(axis)
        guard shape[position] == 1 else { return self }
        var newShape = shape
        newShape.remove(at: position)
        return reshaped(to: newShape)
    }
}
