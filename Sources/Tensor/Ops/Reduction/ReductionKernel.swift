import ConcurrencySupport

/// Reduces a row-major block viewed as `[outer, length, inner]` along its middle dimension into
/// `[outer, inner]`: the one loop behind `sum` and `max` over any set of axes.
@usableFromInline
struct ReductionKernel: Sendable {
    var outer: Int
    var length: Int
    var inner: Int
    /// Columns handled per parallel task when `inner > 1`.
    private static let columnTile = 1024

    /// Runs the reduction of `input` into `output`, starting from `initial` and folding with `combine`
    /// (`combineVector` is the same operation on SIMD lanes).
    @inline(__always)
    func run(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>, initial: Float,
             _ combine: @Sendable (Float, Float) -> Float,
             _ combineVector: @Sendable (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>) {
        let length = self.length, inner = self.inner
        let (source, target) = (SharedPointer(input), SharedPointer(output))
        if inner == 1 {
            if outer == 1 {
                output[0] = reduceLong(input, initial: initial, combine, combineVector)
                return
            }
            Parallel.parallelFor(0..<outer, minimumChunk: Swift.max(1, Tensor.elementwiseChunk / Swift.max(length, 1))) { rows in
                for row in rows {
                    target[row] = ReductionKernel.reduceRow(source.readOnly + row * length, length, initial: initial, combine,
                                                            combineVector)
                }
            }
            return
        }
        let tiles = (inner + Self.columnTile - 1) / Self.columnTile
        let tileWork = Swift.max(1, Swift.min(inner, Self.columnTile) * length)
        Parallel.parallelFor(0..<outer * tiles, minimumChunk: Swift.max(1, Tensor.elementwiseChunk / tileWork)) { tasks in
            for task in tasks {
                let row = task / tiles, columnStart = (task % tiles) * Self.columnTile
                let columns = Swift.min(Self.columnTile, inner - columnStart)
                let block = source.readOnly + row * length * inner + columnStart
                let destination = target.pointer + row * inner + columnStart
                destination.update(repeating: initial, count: columns)
                for k in 0..<length {
                    let line = block + k * inner
                    for j in 0..<columns { destination[j] = combine(destination[j], line[j]) }
                }
            }
        }
    }

    /// One long contiguous row, split into per-thread partial results.
    @inline(__always)
    private func reduceLong(_ input: UnsafePointer<Float>, initial: Float, _ combine: @Sendable (Float, Float) -> Float,
                            _ combineVector: @Sendable (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>) -> Float {
        let length = self.length
        let chunks = Swift.max(1, Swift.min(Parallel.threadCount, length / Tensor.elementwiseChunk))
        var partials = [Float](repeating: initial, count: chunks)
        let input = SharedPointer(input)
        partials.withUnsafeMutableBufferPointer { partial in
            let partial = SharedPointer(partial)
            Parallel.parallelFor(0..<chunks) { range in
                for chunk in range {
                    let lower = length * chunk / chunks, upper = length * (chunk + 1) / chunks
                    partial[chunk] = ReductionKernel.reduceRow(input.readOnly + lower, upper - lower, initial: initial, combine,
                                                               combineVector)
                }
            }
        }
        return partials.reduce(initial, combine)
    }

    /// Folds `count` contiguous elements with two 8-lane accumulators.
    @inline(__always)
    static func reduceRow(_ row: UnsafePointer<Float>, _ count: Int, initial: Float, _ combine: (Float, Float) -> Float,
                          _ combineVector: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>) -> Float {
        var first = SIMD8<Float>(repeating: initial), second = first
        let raw = UnsafeRawPointer(row)
        var index = 0
        while index + 16 <= count {
            first = combineVector(first, raw.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self))
            second = combineVector(second, raw.loadUnaligned(fromByteOffset: index * 4 + 32, as: SIMD8<Float>.self))
            index += 16
        }
        let lanes = combineVector(first, second)
        var result = initial
        for lane in 0..<8 { result = combine(result, lanes[lane]) }
        while index < count {
            result = combine(result, row[index])
            index += 1
        }
        return result
    }
}
