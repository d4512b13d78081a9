import ConcurrencySupport

/// How a kernel walks two strided operands over one logical shape: as rows of `innerCount`
/// elements over coalesced dimensions, each operand advancing by its own stride (0 where broadcast).
///
/// Shared by broadcasting binary ops (operands A and B, contiguous output) and strided copies
/// (A = source, B = destination) behind permute, expand, slice, pad and concat.
@usableFromInline
struct StridedPlan: Sendable {
    /// Sizes of the outer (row-indexing) dimensions, outermost first.
    @usableFromInline var outerShape: [Int] = []
    /// Element strides of each operand along the outer dimensions.
    @usableFromInline var outerStridesA: [Int] = []
    @usableFromInline var outerStridesB: [Int] = []
    /// Length of the innermost (coalesced) dimension and each operand's stride along it.
    @usableFromInline var innerCount = 1
    @usableFromInline var innerStrideA = 0
    @usableFromInline var innerStrideB = 0
    /// Number of rows, the product of `outerShape`.
    @usableFromInline var outerCount = 1

    /// The plan for `shape` walked with `stridesA` and `stridesB` (one stride per dimension each).
    ///
    /// Size-1 dimensions are dropped and neighbours merged wherever both operands are contiguous
    /// across them, so e.g. `[N, C, H, W] + [1, C, 1, 1]` runs as rows of `H·W` over `N·C`.
    @usableFromInline
    init(shape: [Int], _ stridesA: [Int], _ stridesB: [Int]) {
        var sizes: [Int] = [], coalescedA: [Int] = [], coalescedB: [Int] = []
        for axis in shape.indices.reversed() where shape[axis] != 1 {
            if let last = sizes.indices.last,
               coalescedA[last] * sizes[last] == stridesA[axis], coalescedB[last] * sizes[last] == stridesB[axis] {
                sizes[last] *= shape[axis]
            } else {
                sizes.append(shape[axis]); coalescedA.append(stridesA[axis]); coalescedB.append(stridesB[axis])
            }
        }
        if !sizes.isEmpty {
            innerCount = sizes[0]; innerStrideA = coalescedA[0]; innerStrideB = coalescedB[0]
            outerShape = Array(sizes.dropFirst().reversed())
            outerStridesA = Array(coalescedA.dropFirst().reversed())
            outerStridesB = Array(coalescedB.dropFirst().reversed())
        }
        outerCount = outerShape.reduce(1, *)
    }

    /// Strides of a row-major tensor shaped `shape` read as broadcast to `target` (0 on broadcast axes).
    @usableFromInline
    static func broadcastStrides(_ shape: [Int], to target: [Int]) -> [Int] {
        var result = [Int](repeating: 0, count: target.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            result[axis + target.count - shape.count] = shape[axis] == 1 ? 0 : stride
            stride *= shape[axis]
        }
        return result
    }

    /// Offsets of row `row` in the two operands.
    @inlinable
    func offsets(ofRow row: Int) -> (Int, Int) {
        var remainder = row, offsetA = 0, offsetB = 0
        for axis in outerShape.indices.reversed() {
            let size = outerShape[axis]
            let index = remainder % size
            remainder /= size
            offsetA += index * outerStridesA[axis]
            offsetB += index * outerStridesB[axis]
        }
        return (offsetA, offsetB)
    }

    /// Copies elements from `source` (walked with strides A) to `destination` (walked with strides B).
    ///
    /// When the source is strided along the inner dimension but contiguous along an outer one (a
    /// transpose, e.g. NCHW → NHWC), rows are copied in blocks so every read is a contiguous run.
    @usableFromInline
    func copy(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>) {
        if innerStrideA > 1, let axis = outerStridesA.lastIndex(of: 1) {
            copyTransposing(from: source, to: destination, blockAxis: axis)
            return
        }
        let inner = innerCount, strideA = innerStrideA, strideB = innerStrideB
        let (source, destination) = (SharedPointer(source), SharedPointer(destination))
        Parallel.parallelFor(0..<outerCount, minimumChunk: Swift.max(1, Tensor.elementwiseChunk / Swift.max(inner, 1))) { rows in
            for row in rows {
                let (offsetA, offsetB) = offsets(ofRow: row)
                let from = source.readOnly + offsetA, to = destination.pointer + offsetB
                switch (strideA, strideB) {
                case (1, 1): to.update(from: from, count: inner)
                case (0, 1): to.update(repeating: from[0], count: inner)
                default: for i in 0..<inner { to[i * strideB] = from[i * strideA] }
                }
            }
        }
    }

    /// Tile side of `copyTransposing`.
    private static let transposeBlock = 16

    /// `copy` for transposes, in tiles of `transposeBlock` rows (neighbours along `blockAxis`, where
    /// the source stride is 1) by `transposeBlock` inner elements: each tile reads a few source lines
    /// and writes a few destination lines, both staying in L1 even when rows are 4 KiB-aliased.
    private func copyTransposing(from source: UnsafePointer<Float>, to destination: UnsafeMutablePointer<Float>,
                                 blockAxis axis: Int) {
        let block = StridedPlan.transposeBlock
        let size = outerShape[axis], step = outerShape[(axis + 1)...].reduce(1, *)
        let blocks = (size + block - 1) / block
        let tasks = outerCount / Swift.max(size, 1) * blocks
        let inner = innerCount, strideA = innerStrideA, strideB = innerStrideB, rowStrideB = outerStridesB[axis]
        let (source, destination) = (SharedPointer(source), SharedPointer(destination))
        Parallel.parallelFor(0..<tasks, minimumChunk: Swift.max(1, Tensor.elementwiseChunk / Swift.max(inner * block, 1))) { range in
            for task in range {
                let after = task % step, blockIndex = (task / step) % blocks, before = task / (step * blocks)
                let first = blockIndex * block, rows = Swift.min(block, size - first)
                let (offsetA, offsetB) = offsets(ofRow: (before * size + first) * step + after)
                for start in stride(from: 0, to: inner, by: block) {
                    let columns = Swift.min(block, inner - start)
                    let from = source.readOnly + offsetA + start * strideA, to = destination.pointer + offsetB + start * strideB
                    for k in 0..<rows {
                        let target = to + k * rowStrideB
                        for i in 0..<columns { target[i * strideB] = from[i * strideA + k] }
                    }
                }
            }
        }
    }
}
