/// Branchless SIMD max pooling of single planes with a 2×2 window, stride 2, no dilation and no
/// leading padding, 8 outputs at a time. A trailing odd row or column is either dropped (floor
/// rounding) or, when the output has `⌈size / 2⌉` rows or columns (Keras "same" padding or ceil
/// mode), pooled in windows cut short by the edge, scalar.
///
/// Each window is reduced in scan order (top pair, bottom pair, then top against bottom) with
/// PyTorch's rule `value > best || value.isNaN`, which is associative: the result and its argmax
/// are those of PyTorch's row-major scan (first maximum wins ties, the last NaN wins). The
/// backward recomputes the argmax from the input, so no index array is ever stored.
enum MaxPool2x2Kernel {
    typealias Pair = SIMD16<Float>
    typealias Lanes = SIMD8<Float>
    typealias Mask = SIMDMask<SIMD8<Int32>>

    /// The winners of the windows whose rows are `top` and `bottom` (columns interleaved): the
    /// maxima and, per window, whether the right column won each row and the bottom row won.
    struct Windows {
        var maximum: Lanes
        var topRight: Mask
        var bottomRight: Mask
        var bottom: Mask

        @inline(__always)
        init(top: Pair, bottom bottomRow: Pair) {
            topRight = Self.takesOver(top.oddHalf, top.evenHalf)
            bottomRight = Self.takesOver(bottomRow.oddHalf, bottomRow.evenHalf)
            let upper = top.evenHalf.replacing(with: top.oddHalf, where: topRight)
            let lower = bottomRow.evenHalf.replacing(with: bottomRow.oddHalf, where: bottomRight)
            bottom = Self.takesOver(lower, upper)
            maximum = upper.replacing(with: lower, where: bottom)
        }

        /// PyTorch's max-pool update: a later value replaces the best when larger or NaN.
        @inline(__always)
        private static func takesOver(_ later: Lanes, _ best: Lanes) -> Mask {
            (later .> best) .| (later .!= later)
        }
    }

    /// An input plane and its output size: `⌊size / 2⌋` or `⌈size / 2⌉` per axis.
    struct Plane {
        var height: Int
        var width: Int
        var outputHeight: Int
        var outputWidth: Int
    }

    /// Writes the maxima of one plane to `output`.
    static func forward(_ input: UnsafePointer<Float>, plane: Plane, output: UnsafeMutablePointer<Float>) {
        let (inputEnd, outputEnd) = (input + plane.height * plane.width, output + plane.outputHeight * plane.outputWidth)
        forEachBlock(plane) { row, column, count, out in
            let line = input + row * plane.width + column
            let windows = Windows(top: load(line, count, end: inputEnd), bottom: load(line + plane.width, count, end: inputEnd))
            // Lanes past a short block land on outputs that later blocks (right to left, rows top to
            // bottom) or the edge windows overwrite, so a whole vector is stored wherever it fits.
            store(windows.maximum, to: output + out, output + out + Lanes.scalarCount <= outputEnd ? Lanes.scalarCount : count)
        }
        forEachEdgeWindow(plane) { rows, columns, out in
            output[out] = input[edgeArgmax(input, rows: rows, columns: columns, width: plane.width)]
        }
    }

    /// Writes the input gradient of one plane: each output gradient routed to its window's argmax
    /// (recomputed from `input`), zero elsewhere.
    static func backward(_ outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, plane: Plane,
                         inputGradient: UnsafeMutablePointer<Float>) {
        let (height, width) = (plane.height, plane.width)
        if height % 2 != 0 || width % 2 != 0 { inputGradient.initialize(repeating: 0, count: height * width) }
        let inputEnd = input + height * width
        forEachBlock(plane) { row, column, count, out in
            let line = input + row * width + column
            let windows = Windows(top: load(line, count, end: inputEnd), bottom: load(line + width, count, end: inputEnd))
            var gradient = Lanes()
            for lane in 0..<min(count, Lanes.scalarCount) { gradient[lane] = outputGradient[out + lane] }
            let zero = Lanes()
            var (top, bottom) = (Pair(), Pair())
            top.evenHalf = gradient.replacing(with: zero, where: windows.bottom .| windows.topRight)
            top.oddHalf = zero.replacing(with: gradient, where: .!windows.bottom .& windows.topRight)
            bottom.evenHalf = zero.replacing(with: gradient, where: windows.bottom .& .!windows.bottomRight)
            bottom.oddHalf = zero.replacing(with: gradient, where: windows.bottom .& windows.bottomRight)
            let target = inputGradient + row * width + column
            // Lanes past a short block hold zeros for positions that later blocks, rows or edge windows
            // write (blocks run right to left, rows top to bottom), or that stay zero.
            let whole = target + width + Pair.scalarCount <= inputGradient + height * width
            store(top, to: target, whole ? Pair.scalarCount : 2 * count)
            store(bottom, to: target + width, whole ? Pair.scalarCount : 2 * count)
        }
        forEachEdgeWindow(plane) { rows, columns, out in
            inputGradient[edgeArgmax(input, rows: rows, columns: columns, width: width)] = outputGradient[out]
        }
    }

    /// Calls `body(inputRow, inputColumn, outputCount, outputIndex)` for every block of up to 8
    /// consecutive full 2×2 windows of a row (`outputCount` is 8 except in the last block of a row),
    /// rows top to bottom, the blocks of a row right to left.
    @inline(__always)
    private static func forEachBlock(_ plane: Plane, _ body: (Int, Int, Int, Int) -> Void) {
        let (fullRows, fullColumns) = (plane.height / 2, plane.width / 2)
        let lastBlock = max(fullColumns - 1, 0) / Lanes.scalarCount * Lanes.scalarCount
        for oh in 0..<fullRows {
            for ow in stride(from: lastBlock, through: 0, by: -Lanes.scalarCount) where ow < fullColumns {
                body(2 * oh, 2 * ow, min(Lanes.scalarCount, fullColumns - ow), oh * plane.outputWidth + ow)
            }
        }
    }

    /// Calls `body(rows, columns, outputIndex)` for every window cut short by the bottom or right edge.
    private static func forEachEdgeWindow(_ plane: Plane, _ body: (Range<Int>, Range<Int>, Int) -> Void) {
        let (height, width) = (plane.height, plane.width)
        if plane.outputWidth > width / 2 {
            for oh in 0..<plane.outputHeight {
                body(2 * oh..<min(2 * oh + 2, height), width - 1..<width, (oh + 1) * plane.outputWidth - 1)
            }
        }
        if plane.outputHeight > height / 2 {
            for ow in 0..<width / 2 {
                body(height - 1..<height, 2 * ow..<2 * ow + 2, (plane.outputHeight - 1) * plane.outputWidth + ow)
            }
        }
    }

    /// The flat position of the winner of a window by PyTorch's row-major scan.
    private static func edgeArgmax(_ input: UnsafePointer<Float>, rows: Range<Int>, columns: Range<Int>,
                                   width: Int) -> Int {
        var winner = rows.lowerBound * width + columns.lowerBound
        for row in rows {
            for column in columns where input[row * width + column] > input[winner] || input[row * width + column].isNaN {
                winner = row * width + column
            }
        }
        return winner
    }

    /// The `2 · count` input values of a block: a whole vector when it ends before `end` (the plane's
    /// end; lanes past the block are ignored), else those values and zeros.
    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>, _ count: Int, end: UnsafePointer<Float>) -> Pair {
        if source + Pair.scalarCount <= end { return UnsafeRawPointer(source).loadUnaligned(as: Pair.self) }
        var pair = Pair()
        for lane in 0..<2 * count { pair[lane] = source[lane] }
        return pair
    }

    /// Stores the first `count` lanes of `vector`.
    @inline(__always)
    private static func store<V: SIMD>(_ vector: V, to target: UnsafeMutablePointer<Float>, _ count: Int)
    where V.Scalar == Float {
        if count == V.scalarCount {
            UnsafeMutableRawPointer(target).storeBytes(of: vector, as: V.self)
        } else {
            for lane in 0..<count { target[lane] = vector[lane] }
        }
    }
}

extension WindowGeometry {
    /// Whether these are the windows of `MaxPool2x2Kernel`: 2×2, stride 2, undilated, no leading
    /// padding, `⌊size / 2⌋` or `⌈size / 2⌉` outputs per axis.
    var isPairwiseHalving: Bool {
        [height, width].allSatisfy { axis in
            axis.kernelSize == 2 && axis.stride == 2 && axis.dilation == 1 && axis.padBefore == 0
                && (axis.outputSize == axis.inputSize / 2 || axis.outputSize == (axis.inputSize + 1) / 2)
        }
    }

    /// The plane of `MaxPool2x2Kernel` these windows pool.
    var pairwisePlane: MaxPool2x2Kernel.Plane {
        MaxPool2x2Kernel.Plane(height: height.inputSize, width: width.inputSize,
                               outputHeight: height.outputSize, outputWidth: width.outputSize)
    }
}
