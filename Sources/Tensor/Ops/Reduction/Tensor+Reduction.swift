extension Tensor {
    /// Sum over `axes` (as `torch.sum(dim, keepdim)`); negative axes count from the end.
    public func sum(axes: [Int], keepDims: Bool = false) -> Tensor {
        let (value, keptShape) = reduced(axes: axes, keepDims: keepDims, initial: 0, +, { $0 + $1 })
        let inputShape = shape
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [gradient.reshaped(to: keptShape).expanded(to: inputShape)]
        }
    }

    /// Sum of all elements, a scalar.
    public func sum() -> Tensor { sum(axes: Array(0..<rank)) }

    /// Mean over `axes` (as `torch.mean(dim, keepdim)`).
    public func mean(axes: [Int], keepDims: Bool = false) -> Tensor {
        sum(axes: axes, keepDims: keepDims) * (1 / Float(reducedCount(axes: axes)))
    }

    /// Mean of all elements, a scalar.
    public func mean() -> Tensor { mean(axes: Array(0..<rank)) }

    /// Variance over `axes` with `correction` (1: unbiased, 0: population), as `torch.var(dim, correction, keepdim)`.
    ///
    /// One recorded op: the backward is `2 (x − mean) / (n − correction)` times the output gradient.
    public func variance(axes: [Int], correction: Int = 1, keepDims: Bool = false) -> Tensor {
        let scale = 1 / Float(Swift.max(0, reducedCount(axes: axes) - correction))
        let (deviation, value, keptShape) = Tensor.withoutGrad { () -> (Tensor, Tensor, [Int]) in
            let deviation = self - mean(axes: axes, keepDims: true)
            let (sumOfSquares, keptShape) = deviation.mapped { $0 * $0 }
                .reduced(axes: axes, keepDims: keepDims, initial: 0, +, { $0 + $1 })
            return (deviation, sumOfSquares * scale, keptShape)
        }
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [deviation * (gradient.reshaped(to: keptShape) * (2 * scale))]
        }
    }

    /// Variance of all elements, a scalar.
    public func variance(correction: Int = 1) -> Tensor { variance(axes: Array(0..<rank), correction: correction) }

    /// Maximum over `axes` (as `torch.amax(dim, keepdim)`): the gradient is shared evenly among tied maxima.
    public func max(axes: [Int], keepDims: Bool = false) -> Tensor {
        let (value, keptShape) = reduced(axes: axes, keepDims: keepDims, initial: -.infinity,
                                         { $0 > $1 ? $0 : $1 }, { $0.replacing(with: $1, where: $1 .> $0) })
        let input = self, normalizedAxes = axes.map { normalizedAxis($0) }
        return Tensor.makeResult(value, parents: [self]) { gradient in
            let kept = value.reshaped(to: keptShape)
            let isMaximum = input .== kept
            return [isMaximum * (gradient.reshaped(to: keptShape) / isMaximum.sum(axes: normalizedAxes, keepDims: true))]
        }
    }

    /// Maximum of all elements, a scalar.
    public func max() -> Tensor { max(axes: Array(0..<rank)) }

    /// Index of the first maximum along `axis` (as `torch.argmax(dim, keepdim)`), as `Float` values. Not differentiable.
    public func argmax(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis)
        let length = shape[axis], inner = shape[(axis + 1)...].reduce(1, *), outer = count / Swift.max(length * inner, 1)
        precondition(length > 0, "argmax(axis: \(axis)): empty axis in shape \(shape)")
        var newShape = shape
        newShape[axis] = 1
        if !keepDims { newShape.remove(at: axis) }
        let input = storage.pointer
        return Tensor(shape: newShape) { out in
            for row in 0..<outer {
                for column in 0..<inner {
                    let base = input + row * length * inner + column
                    var best = 0
                    for k in 1..<length where base[k * inner] > base[best * inner] { best = k }
                    out[row * inner + column] = Float(best)
                }
            }
        }
    }

    /// The gradient-style reverse of broadcasting: sums over the dimensions along which `shape` was
    /// broadcast to reach this tensor's shape, so the result has `shape`.
    public func summed(toShape targetShape: [Int]) -> Tensor {
        if targetShape == shape { return self }
        precondition(Tensor.broadcastShape(targetShape, shape, "summed(toShape:)") == shape,
                     "summed(toShape: \(targetShape)): it does not broadcast to \(shape)")
        let leading = rank - targetShape.count
        let axes = shape.indices.filter { $0 < leading || (targetShape[$0 - leading] == 1 && shape[$0] != 1) }
        return sum(axes: axes, keepDims: true).reshaped(to: targetShape)
    }

    /// Product of the sizes of `axes`.
    private func reducedCount(axes: [Int]) -> Int {
        Set(axes.map { normalizedAxis($0) }).reduce(1) { $0 * shape[$1] }
    }

    /// The unrecorded reduction over `axes`, and the result's shape with reduced axes kept as 1.
    ///
    /// Runs of consecutive axes are reduced in one pass each, innermost run first.
    @inline(__always)
    private func reduced(axes: [Int], keepDims: Bool, initial: Float, _ combine: @Sendable (Float, Float) -> Float,
                         _ combineVector: @Sendable (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>) -> (Tensor, [Int]) {
        let sortedAxes = Set(axes.map { normalizedAxis($0) }).sorted()
        var current = self.detached()
        var runEnd = sortedAxes.count
        while runEnd > 0 {
            var runStart = runEnd - 1
            while runStart > 0 && sortedAxes[runStart - 1] == sortedAxes[runStart] - 1 { runStart -= 1 }
            let first = sortedAxes[runStart], last = sortedAxes[runEnd - 1]
            let shape = current.shape
            let kernel = ReductionKernel(outer: shape[..<first].reduce(1, *), length: shape[first...last].reduce(1, *),
                                         inner: shape[(last + 1)...].reduce(1, *))
            var newShape = shape
            for axis in first...last { newShape[axis] = 1 }
            let input = current.storage.pointer
            current = Tensor(shape: newShape) { out in
                kernel.run(input, out.baseAddress!, initial: initial, combine, combineVector)
            }
            runEnd = runStart
        }
        let keptShape = current.shape
        return (keepDims ? current : current.reshaped(to: keptShape.enumerated().filter { !sortedAxes.contains($0.offset) }.map(\.element)),
                keptShape)
    }
}
