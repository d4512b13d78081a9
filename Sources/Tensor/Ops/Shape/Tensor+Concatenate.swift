extension Tensor {
    /// `tensors` joined along `axis` (as `torch.cat`); all other dimensions must agree.
    public static func concatenate(_ tensors: [Tensor], axis: Int) -> Tensor {
        precondition(!tensors.isEmpty, "concatenate: no tensors")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis)
        var newShape = first.shape
        newShape[axis] = 0
        for tensor in tensors {
            precondition(tensor.rank == first.rank && tensor.shape.indices.allSatisfy { $0 == axis || tensor.shape[$0] == first.shape[$0] },
                         "concatenate(axis: \(axis)): shape \(tensor.shape) does not match \(first.shape)")
            newShape[axis] += tensor.shape[axis]
        }
        let outputStrides = contiguousStrides(for: newShape)
        var starts: [Int] = []
        let value = Tensor(shape: newShape) { out in
            var start = 0
            for tensor in tensors {
                starts.append(start)
                let plan = StridedPlan(shape: tensor.shape, tensor.strides, outputStrides)
                plan.copy(from: tensor.storage.pointer, to: out.baseAddress! + start * outputStrides[axis])
                start += tensor.shape[axis]
            }
        }
        let lengths = tensors.map { $0.shape[axis] }
        return makeResult(value, parents: tensors) { gradient in
            zip(starts, lengths).map { start, length in gradient.sliced(axis: axis, start..<start + length) }
        }
    }
}
