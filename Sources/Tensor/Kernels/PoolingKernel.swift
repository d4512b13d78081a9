/// Average pooling of single `height × width` planes, with PyTorch's window rules (max pooling is
/// `MaxPoolKernel`).
enum PoolingKernel {
    /// Average pooling of one plane. With `countIncludePad` the divisor counts the padding inside
    /// the window (PyTorch's default); without it only the input elements (TensorFlow's "same").
    static func averageForward(_ input: UnsafePointer<Float>, geometry: WindowGeometry, countIncludePad: Bool,
                               output: UnsafeMutablePointer<Float>) {
        forEachAverageWindow(geometry, countIncludePad: countIncludePad) { rows, columns, scale, out in
            var sum: Float = 0
            for row in rows {
                let line = input + row * geometry.width.inputSize
                for column in columns { sum += line[column] }
            }
            output[out] = sum * scale
        }
    }

    /// Writes the input gradient of one plane: each output gradient spread evenly over its window.
    static func averageBackward(_ outputGradient: UnsafePointer<Float>, geometry: WindowGeometry,
                                countIncludePad: Bool, inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.initialize(repeating: 0, count: geometry.inputPlane)
        forEachAverageWindow(geometry, countIncludePad: countIncludePad) { rows, columns, scale, out in
            let share = outputGradient[out] * scale
            for row in rows {
                let line = inputGradient + row * geometry.width.inputSize
                for column in columns { line[column] += share }
            }
        }
    }

    /// Calls `body(rows, columns, 1 / divisor, outputIndex)` for every output of an average pool,
    /// with the window clipped to the input and PyTorch's divisor: with `countIncludePad`, the window
    /// area clipped to the padded input; otherwise the clipped area. Empty windows produce 0.
    @inline(__always)
    private static func forEachAverageWindow(_ geometry: WindowGeometry, countIncludePad: Bool,
                                             _ body: (Range<Int>, Range<Int>, Float, Int) -> Void) {
        let (h, w) = (geometry.height, geometry.width)
        for oh in 0..<h.outputSize {
            let (rowStart, rowEnd) = h.window(output: oh)
            let paddedRows = paddedExtent(h, output: oh)
            for ow in 0..<w.outputSize {
                let (columnStart, columnEnd) = w.window(output: ow)
                let rows = rowStart..<max(rowStart, rowEnd)
                let columns = columnStart..<max(columnStart, columnEnd)
                let divisor = countIncludePad ? paddedRows * paddedExtent(w, output: ow) : rows.count * columns.count
                body(rows, columns, divisor > 0 ? 1 / Float(divisor) : 0, oh * w.outputSize + ow)
            }
        }
    }

    /// Window extent counting padding but not what lies beyond the padded input (PyTorch's `pool_size`).
    @inline(__always)
    private static func paddedExtent(_ axis: WindowAxis, output: Int) -> Int {
        let start = output * axis.stride - axis.padBefore
        return min(start + axis.kernelSize, axis.inputSize + axis.padAfter) - start
    }
}

extension PoolingKernel {
    /// Runs `body` over ranges of `planes` planes concurrently, in chunks of at least
    /// `Tensor.elementwiseChunk` elements of `planeSize`.
    @inline(__always)
    static func forEachPlane(_ planes: Int, planeSize: Int, _ body: @Sendable (Range<Int>) -> Void) {
        Parallel.parallelFor(0..<planes, minimumChunk: max(1, Tensor.elementwiseChunk / max(planeSize, 1)), body)
    }
}
