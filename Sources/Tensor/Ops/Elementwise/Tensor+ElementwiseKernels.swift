/// The loops shared by all elementwise ops: broadcasting binary kernels and unary maps.
extension Tensor {
    /// Elements per parallel chunk of elementwise kernels: below this, threads cost more than they save.
    @usableFromInline static let elementwiseChunk = 1 << 15

    /// The NumPy broadcast of two shapes: aligned at the end, each pair of sizes equal or one of them 1.
    @usableFromInline
    static func broadcastShape(_ a: [Int], _ b: [Int], _ operation: StaticString = #function) -> [Int] {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let sizeA = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let sizeB = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            precondition(sizeA == sizeB || sizeA == 1 || sizeB == 1,
                         "\(operation): shapes \(a) and \(b) do not broadcast")
            result[axis] = sizeA == 1 ? sizeB : sizeA
        }
        return result
    }

    /// `op(a, b)` elementwise with NumPy broadcasting, not recorded. The loop every binary op shares.
    ///
    /// Fast paths: equal shapes (one flat loop), one operand with a single element, and otherwise
    /// coalesced dimensions with an inner loop along the last one. Large outputs run in parallel.
    @inlinable @inline(__always)
    static func broadcasting(_ a: Tensor, _ b: Tensor, _ operation: StaticString = #function,
                             _ op: (Float, Float) -> Float) -> Tensor {
        if a.shape == b.shape {
            return Tensor(shape: a.shape) { out in
                let x = a.storage.pointer, y = b.storage.pointer, o = out.baseAddress!
                Parallel.parallelFor(0..<out.count, minimumChunk: elementwiseChunk) { range in
                    for i in range { o[i] = op(x[i], y[i]) }
                }
            }
        }
        let shape = broadcastShape(a.shape, b.shape, operation)
        if b.count == 1, b.rank <= a.rank {
            let y = b.storage.pointer[0]
            return a.mapped { op($0, y) }
        }
        if a.count == 1, a.rank <= b.rank {
            let x = a.storage.pointer[0]
            return b.mapped { op(x, $0) }
        }
        let plan = StridedPlan(shape: shape, StridedPlan.broadcastStrides(a.shape, to: shape),
                               StridedPlan.broadcastStrides(b.shape, to: shape))
        return Tensor(shape: shape) { out in
            let x = a.storage.pointer, y = b.storage.pointer, o = out.baseAddress!
            let inner = plan.innerCount, strideA = plan.innerStrideA, strideB = plan.innerStrideB
            Parallel.parallelFor(0..<plan.outerCount, minimumChunk: Swift.max(1, elementwiseChunk / Swift.max(inner, 1))) { rows in
                for row in rows {
                    let (offsetA, offsetB) = plan.offsets(ofRow: row)
                    let xa = x + offsetA, yb = y + offsetB, oo = o + row * inner
                    switch (strideA, strideB) {
                    case (1, 1): for i in 0..<inner { oo[i] = op(xa[i], yb[i]) }
                    case (1, 0): let v = yb[0]; for i in 0..<inner { oo[i] = op(xa[i], v) }
                    case (0, 1): let v = xa[0]; for i in 0..<inner { oo[i] = op(v, yb[i]) }
                    default: for i in 0..<inner { oo[i] = op(xa[i * strideA], yb[i * strideB]) }
                    }
                }
            }
        }
    }

    /// `op` applied to every element, not recorded. Large tensors run in parallel.
    @inlinable @inline(__always)
    func mapped(_ op: (Float) -> Float) -> Tensor {
        let x = storage.pointer
        return Tensor(shape: shape) { out in
            let o = out.baseAddress!
            Parallel.parallelFor(0..<out.count, minimumChunk: Tensor.elementwiseChunk) { range in
                for i in range { o[i] = op(x[i]) }
            }
        }
    }

    /// `vector` applied to every 8 elements and `scalar` to the remainder, not recorded; large tensors in parallel.
    @inlinable @inline(__always)
    func mapped(vector: (SIMD8<Float>) -> SIMD8<Float>, scalar: (Float) -> Float) -> Tensor {
        let x = UnsafeRawPointer(storage.pointer)
        return Tensor(shape: shape) { out in
            let o = UnsafeMutableRawPointer(out.baseAddress!)
            let blocks = out.count / 8
            Parallel.parallelFor(0..<blocks, minimumChunk: Tensor.elementwiseChunk / 8) { range in
                for block in range {
                    o.storeBytes(of: vector(x.loadUnaligned(fromByteOffset: block * 32, as: SIMD8<Float>.self)),
                                 toByteOffset: block * 32, as: SIMD8<Float>.self)
                }
            }
            for index in blocks * 8..<out.count { out[index] = scalar(storage.pointer[index]) }
        }
    }
}
