/// Branchless SIMD max pooling of single planes with a 2×2 window, stride 2, no padding, no
/// dilation and floor rounding (a trailing odd row or column is ignored), 8 outputs at a time.
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

    /// Writes the maxima of one `height × width` plane to `output`.
    static func forward(_ input: UnsafePointer<Float>, height: Int, width: Int, output: UnsafeMutablePointer<Float>) {
        forEachBlock(height: height, width: width) { row, column, count, out in
            let line = input + row * width + column
            let windows = Windows(top: load(line, count), bottom: load(line + width, count))
            store(windows.maximum, to: output + out, count)
        }
    }

    /// Writes the input gradient of one plane: each output gradient routed to its window's argmax
    /// (recomputed from `input`), zero elsewhere.
    static func backward(_ outputGradient: UnsafePointer<Float>, input: UnsafePointer<Float>, height: Int,
                         width: Int, inputGradient: UnsafeMutablePointer<Float>) {
        if height % 2 != 0 || width % 2 != 0 { inputGradient.initialize(repeating: 0, count: height * width) }
        forEachBlock(height: height, width: width) { row, column, count, out in
            let line = input + row * width + column
            let windows = Windows(top: load(line, count), bottom: load(line + width, count))
            var gradient = Lanes()
            for lane in 0..<min(count, Lanes.scalarCount) { gradient[lane] = outputGradient[out + lane] }
            let zero = Lanes()
            var (top, bottom) = (Pair(), Pair())
            top.evenHalf = gradient.replacing(with: zero, where: windows.bottom .| windows.topRight)
            top.oddHalf = zero.replacing(with: gradient, where: .!windows.bottom .& windows.topRight)
            bottom.evenHalf = zero.replacing(with: gradient, where: windows.bottom .& .!windows.bottomRight)
            bottom.oddHalf = zero.replacing(with: gradient, where: windows.bottom .& windows.bottomRight)
            let target = inputGradient + row * width + column
            store(top, to: target, 2 * count)
            store(bottom, to: target + width, 2 * count)
        }
    }

    /// Calls `body(inputRow, inputColumn, outputCount, outputIndex)` for every block of up to 8
    /// consecutive outputs of a row (`outputCount` is 8 except in the last block of a row).
    @inline(__always)
    private static func forEachBlock(height: Int, width: Int, _ body: (Int, Int, Int, Int) -> Void) {
        let (outputHeight, outputWidth) = (height / 2, width / 2)
        for oh in 0..<outputHeight {
            for ow in stride(from: 0, to: outputWidth, by: Lanes.scalarCount) {
                body(2 * oh, 2 * ow, min(Lanes.scalarCount, outputWidth - ow), oh * outputWidth + ow)
            }
        }
    }

    /// The `2 · count` input values of a block (the rest zero), read without overrunning the row.
    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>, _ count: Int) -> Pair {
        if count == Lanes.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Pair.self) }
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
    /// Whether these are the windows of `MaxPool2x2Kernel`: 2×2, stride 2, unpadded, undilated,
    /// floor rounding.
    var isPairwiseHalving: Bool {
        [height, width].allSatisfy { axis in
            axis.kernelSize == 2 && axis.stride == 2 && axis.dilation == 1 && axis.padBefore == 0
                && axis.padAfter == 0 && axis.outputSize == axis.inputSize / 2
        }
    }
}
