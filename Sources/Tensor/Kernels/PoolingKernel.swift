/// Max and average pooling of single `height × width` planes, with PyTorch's window rules.
enum PoolingKernel {
    /// Max pooling of one plane. Writes each window's maximum to `output` and, when `indices` is
    /// given, its flat position in the plane. Ties go to the first maximum in row-major order and NaN wins, as in
    /// PyTorch; padding never wins (it acts as −∞, also TensorFlow's "same" behaviour).
    static func maxForward(_ input: UnsafePointer<Float>, geometry: WindowGeometry,
                           output: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Int32>?) {
        let (h, w) = (geometry.height, geometry.width)
        for oh in 0..<h.outputSize {
            let rows = dilatedWindow(h, output: oh)
            for ow in 0..<w.outputSize {
                let columns = dilatedWindow(w, output: ow)
                var best = -Float.infinity
                var bestIndex = rows.start * w.inputSize + columns.start
                for row in stride(from: rows.start, to: rows.end, by: h.dilation) {
                    let line = row * w.inputSize
                    for column in stride(from: columns.start, to: columns.end, by: w.dilation) {
                        let value = input[line + column]
                        if value > best || value.isNaN {
                            best = value
                            bestIndex = line + column
                        }
                    }
                }
                output[oh * w.outputSize + ow] = best
                indices?[oh * w.outputSize + ow] = Int32(bestIndex)
            }
        }
    }

    /// Writes the input gradient of one plane: each output gradient routed to the input position
    /// recorded by `maxForward`, zero elsewhere.
    static func maxBackward(_ outputGradient: UnsafePointer<Float>, indices: UnsafePointer<Int32>,
                            geometry: WindowGeometry, inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.initialize(repeating: 0, count: geometry.inputPlane)
        for k in 0..<geometry.outputPlane { inputGradient[Int(indices[k])] += outputGradient[k] }
    }

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

    /// The input span of a dilated max-pool window clipped to the input, starting on a tap.
    @inline(__always)
    private static func dilatedWindow(_ axis: WindowAxis, output: Int) -> (start: Int, end: Int) {
        var start = output * axis.stride - axis.padBefore
        let end = min(start + (axis.kernelSize - 1) * axis.dilation + 1, axis.inputSize)
        while start < 0 { start += axis.dilation }
        return (start, end)
    }
}

extension PoolingKernel {
    /// Runs `body` over ranges of `planes` planes concurrently, in chunks of at least
    /// `Tensor.elementwiseChunk` elements of `planeSize`.
    @inline(__always)
    static func forEachPlane(_ planes: Int, planeSize: Int, _ body: (Range<Int>) -> Void) {
        Parallel.parallelFor(0..<planes, minimumChunk: max(1, Tensor.elementwiseChunk / max(planeSize, 1)), body)
    }
}
