/// Branchless SIMD max pooling of single planes with a 2×2 window, stride 2, no dilation and no
/// leading padding, 8 outputs at a time. A trailing odd row or column is either dropped (floor
/// rounding) or, when the output has `⌈size / 2⌉` rows or columns (Keras "same" padding or ceil
/// mode), pooled in windows cut short by the edge: the missing elements are loaded as −∞, which never
/// wins, so those windows take the same vector path as the others.
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

    /// One block of up to 8 consecutive windows of an output row.
    struct Block {
        /// The first input element of the block's top row (its offset in the plane).
        var input: Int
        /// Input columns of the block in the plane (at most 16; the rest of a loaded pair is −∞).
        var columns: Int
        /// Whether the block's bottom row is inside the plane.
        var hasBottom: Bool
        /// The block's first output (its offset in the output plane).
        var output: Int
        /// Windows in the block (8 except in the last block of a row).
        var count: Int
    }

    /// Writes the maxima of `planes` of a tensor (`input` and `output` point at plane 0; `inputEnd` is
    /// the end of the input, up to which loads may read, though lanes outside a plane are ignored).
    ///
    /// Stores of the last block of a plane may run into the next plane's first outputs, which that plane
    /// overwrites next; only the last plane's stores stop at its end.
    static func forward(planes: Range<Int>, input: UnsafePointer<Float>, inputEnd: UnsafePointer<Float>,
                        plane: Plane, output: UnsafeMutablePointer<Float>) {
        let (inputPlane, outputPlane) = (plane.height * plane.width, plane.outputHeight * plane.outputWidth)
        let outputEnd = output + planes.upperBound * outputPlane
        for index in planes {
            let (source, target) = (input + index * inputPlane, output + index * outputPlane)
            forEachBlock(plane) { block in
                let windows = self.windows(source, block, width: plane.width, end: inputEnd)
                // Lanes past a short block land on outputs that later blocks (right to left, rows top to
                // bottom, planes in order) overwrite, so a whole vector is stored wherever it fits.
                let out = target + block.output
                store(windows.maximum, to: out, out + Lanes.scalarCount <= outputEnd ? Lanes.scalarCount : block.count)
            }
        }
    }

    /// Writes the input gradient of `planes` (all pointers at plane 0; loads may read up to `inputEnd` and
    /// `outputGradientEnd`): each output gradient routed to its window's argmax (recomputed from `input`),
    /// zero elsewhere.
    static func backward(planes: Range<Int>, outputGradient: UnsafePointer<Float>, outputGradientEnd: UnsafePointer<Float>,
                         input: UnsafePointer<Float>, inputEnd: UnsafePointer<Float>, plane: Plane,
                         inputGradient: UnsafeMutablePointer<Float>) {
        let (height, width) = (plane.height, plane.width)
        let (inputPlane, outputPlane) = (height * width, plane.outputHeight * plane.outputWidth)
        // Rows or columns that floor rounding drops get no window.
        let drops = 2 * plane.outputHeight < height || 2 * plane.outputWidth < width
        let gradientEnd = inputGradient + planes.upperBound * inputPlane
        for index in planes {
            let (source, target) = (input + index * inputPlane, inputGradient + index * inputPlane)
            let gradients = outputGradient + index * outputPlane
            if drops { target.initialize(repeating: 0, count: inputPlane) }
            forEachBlock(plane) { block in
                let windows = self.windows(source, block, width: width, end: inputEnd)
                let gradient = load(gradients + block.output, block.count, end: outputGradientEnd)
                let zero = Lanes()
                var (top, bottom) = (Pair(), Pair())
                top.evenHalf = gradient.replacing(with: zero, where: windows.bottom .| windows.topRight)
                top.oddHalf = zero.replacing(with: gradient, where: .!windows.bottom .& windows.topRight)
                bottom.evenHalf = zero.replacing(with: gradient, where: windows.bottom .& .!windows.bottomRight)
                bottom.oddHalf = zero.replacing(with: gradient, where: windows.bottom .& windows.bottomRight)
                // Lanes past a short block hold zeros for positions that later blocks, rows or planes write
                // (blocks run right to left, rows top to bottom), or that stay zero.
                let above = target + block.input
                store(top, to: above, above + Pair.scalarCount <= gradientEnd ? Pair.scalarCount : block.columns)
                if block.hasBottom {
                    let below = above + width
                    store(bottom, to: below, below + Pair.scalarCount <= gradientEnd ? Pair.scalarCount : block.columns)
                }
            }
        }
    }

    /// The windows of `block`, elements outside the plane taken as −∞.
    @inline(__always)
    private static func windows(_ input: UnsafePointer<Float>, _ block: Block, width: Int,
                                end: UnsafePointer<Float>) -> Windows {
        let top = load(input + block.input, block.columns, end: end, padding: -.infinity)
        let bottom: Pair = block.hasBottom
            ? load(input + block.input + width, block.columns, end: end, padding: -.infinity)
            : Pair(repeating: -.infinity)
        return Windows(top: top, bottom: bottom)
    }

    /// Calls `body` for every block of up to 8 consecutive windows of an output row, rows top to
    /// bottom, the blocks of a row right to left.
    @inline(__always)
    private static func forEachBlock(_ plane: Plane, _ body: (Block) -> Void) {
        let lastBlock = max(plane.outputWidth - 1, 0) / Lanes.scalarCount * Lanes.scalarCount
        for oh in 0..<plane.outputHeight {
            for ow in stride(from: lastBlock, through: 0, by: -Lanes.scalarCount) {
                let count = min(Lanes.scalarCount, plane.outputWidth - ow)
                body(Block(input: 2 * oh * plane.width + 2 * ow, columns: min(2 * count, plane.width - 2 * ow),
                           hasBottom: 2 * oh + 1 < plane.height, output: oh * plane.outputWidth + ow, count: count))
            }
        }
    }

    /// The `count` values at `source`, the other lanes `padding`: one unaligned load when the vector
    /// ends before `end` (the end of readable memory), else element-wise.
    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>, _ count: Int, end: UnsafePointer<Float>,
                             padding: Float) -> Pair {
        if count == Pair.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Pair.self) }
        if source + Pair.scalarCount <= end {
            let lanes = Pair(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15)
            return UnsafeRawPointer(source).loadUnaligned(as: Pair.self)
                .replacing(with: Pair(repeating: padding), where: lanes .>= Pair(repeating: Float(count)))
        }
        var vector = Pair(repeating: padding)
        for lane in 0..<count { vector[lane] = source[lane] }
        return vector
    }

    /// The `count` values at `source`, the other lanes zero.
    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>, _ count: Int, end: UnsafePointer<Float>) -> Lanes {
        if count == Lanes.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Lanes.self) }
        if source + Lanes.scalarCount <= end {
            let lanes = Lanes(0, 1, 2, 3, 4, 5, 6, 7)
            return UnsafeRawPointer(source).loadUnaligned(as: Lanes.self)
                .replacing(with: Lanes(), where: lanes .>= Lanes(repeating: Float(count)))
        }
        var vector = Lanes()
        for lane in 0..<count { vector[lane] = source[lane] }
        return vector
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
