import ConcurrencySupport

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

    /// `Op.apply(a, b)` elementwise with NumPy broadcasting, not recorded. The loop every binary op shares;
    /// the operation is a type so that each op gets its own specialised, vectorisable loops (a closure
    /// would be called once per element from the worker threads).
    ///
    /// Fast paths: equal shapes (one flat loop), one operand with a single element, and otherwise
    /// coalesced dimensions with an inner loop along the last one. Large outputs run in parallel.
    @inlinable @inline(__always)
    static func broadcasting<Op: BinaryElementwise>(_ a: Tensor, _ b: Tensor, _ operation: StaticString = #function,
                                                    _: Op.Type) -> Tensor {
        let shape = a.shape == b.shape ? a.shape : broadcastShape(a.shape, b.shape, operation)
        let plan = a.shape == b.shape
            ? StridedPlan(shape: [a.count], [1], [1])
            : StridedPlan(shape: shape, StridedPlan.broadcastStrides(a.shape, to: shape),
                          StridedPlan.broadcastStrides(b.shape, to: shape))
        return Tensor(shape: shape) { out in
            let x = SharedPointer(a.storage.pointer), y = SharedPointer(b.storage.pointer), o = SharedPointer(out)
            let inner = plan.innerCount, strideA = plan.innerStrideA, strideB = plan.innerStrideB
            if plan.outerCount == 1 {
                // One run (equal shapes, or a scalar operand): split it across workers.
                Parallel.parallelFor(0..<inner, minimumChunk: elementwiseChunk) { range in
                    Self.applyRun(Op.self, x.readOnly + range.lowerBound * strideA, strideA, y.readOnly + range.lowerBound * strideB,
                                  strideB, o.pointer + range.lowerBound, range.count)
                }
                return
            }
            Parallel.parallelFor(0..<plan.outerCount, minimumChunk: Swift.max(1, elementwiseChunk / Swift.max(inner, 1))) { rows in
                for row in rows {
                    let (offsetA, offsetB) = plan.offsets(ofRow: row)
                    Self.applyRun(Op.self, x.readOnly + offsetA, strideA, y.readOnly + offsetB, strideB, o.pointer + row * inner, inner)
                }
            }
        }
    }

    /// `o[i] = Op.apply(x[i · strideA], y[i · strideB])` for `i < count`, with the common strides
    /// (1 and 0) in loops of their own.
    @inlinable @inline(__always)
    static func applyRun<Op: BinaryElementwise>(_: Op.Type, _ x: UnsafePointer<Float>, _ strideA: Int,
                                                _ y: UnsafePointer<Float>, _ strideB: Int,
                                                _ o: UnsafeMutablePointer<Float>, _ count: Int) {
        switch (strideA, strideB) {
        case (1, 1): for i in 0..<count { o[i] = Op.apply(x[i], y[i]) }
        case (1, 0): let v = y[0]; for i in 0..<count { o[i] = Op.apply(x[i], v) }
        case (0, 1): let v = x[0]; for i in 0..<count { o[i] = Op.apply(v, y[i]) }
        default: for i in 0..<count { o[i] = Op.apply(x[i * strideA], y[i * strideB]) }
        }
    }

    /// `op` applied to every element, not recorded. Large tensors run in parallel.
    @inlinable @inline(__always)
    func mapped(_ op: @Sendable (Float) -> Float) -> Tensor {
        let x = SharedPointer(storage.pointer)
        return Tensor(shape: shape) { out in
            let o = SharedPointer(out)
            Parallel.parallelFor(0..<out.count, minimumChunk: Tensor.elementwiseChunk) { range in
                for i in range { o[i] = op(x[i]) }
            }
        }
    }

    /// `vector` applied to every 8 elements and `scalar` to the remainder, not recorded; large tensors in parallel.
    @inlinable @inline(__always)
    func mapped(vector: @Sendable (SIMD8<Float>) -> SIMD8<Float>, scalar: (Float) -> Float) -> Tensor {
        let source = SharedPointer(storage.pointer)
        return Tensor(shape: shape) { out in
            let destination = SharedPointer(out)
            let blocks = out.count / 8
            Parallel.parallelFor(0..<blocks, minimumChunk: Tensor.elementwiseChunk / 8) { range in
                let (x, o) = (UnsafeRawPointer(source.readOnly), UnsafeMutableRawPointer(destination.pointer))
                for block in range {
                    o.storeBytes(of: vector(x.loadUnaligned(fromByteOffset: block * 32, as: SIMD8<Float>.self)),
                                 toByteOffset: block * 32, as: SIMD8<Float>.self)
                }
            }
            for index in blocks * 8..<out.count { out[index] = scalar(storage.pointer[index]) }
        }
    }
}
