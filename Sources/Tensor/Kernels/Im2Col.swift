/// Unfolding of image patches into GEMM operands (`im2col`) and its adjoint (`col2im`).
///
/// Both work on a band of output rows so the column buffer stays in cache: the columns of output
/// rows `rows` of one image with `channels` planes form a `[channels · kh · kw, rows.count · outW]`
/// row-major matrix whose row `(c · kh + i) · kw + j` holds input `c` seen through kernel tap `(i, j)`.
enum Im2Col {
    /// Writes the columns of output rows `rows` of image `input` into `columns` (zeros for padding).
    static func unfold(_ input: UnsafePointer<Float>, channels: Int, geometry: WindowGeometry,
                       rows: Range<Int>, into columns: UnsafeMutablePointer<Float>) {
        let width = geometry.width.outputSize
        let stride = geometry.width.stride
        forEachTapRow(channels: channels, geometry: geometry, rows: rows) { offset, valid, row in
            let destination = columns + row
            guard let offset else {
                destination.initialize(repeating: 0, count: width)
                return
            }
            let source = input + offset
            destination.initialize(repeating: 0, count: valid.lowerBound)
            if stride == 1 {
                (destination + valid.lowerBound).update(from: source, count: valid.count)
            } else {
                let target = destination + valid.lowerBound
                for k in 0..<valid.count { target[k] = source[k * stride] }
            }
            (destination + valid.upperBound).initialize(repeating: 0, count: width - valid.upperBound)
        }
    }

    /// Adds the columns in `columns` onto the gradient image `input`: the adjoint of `unfold`.
    static func fold(_ columns: UnsafePointer<Float>, channels: Int, geometry: WindowGeometry,
                     rows: Range<Int>, into input: UnsafeMutablePointer<Float>) {
        let stride = geometry.width.stride
        forEachTapRow(channels: channels, geometry: geometry, rows: rows) { offset, valid, row in
            guard let offset else { return }
            let target = input + offset
            let source = columns + row + valid.lowerBound
            if stride == 1 {
                for k in 0..<valid.count { target[k] += source[k] }
            } else {
                for k in 0..<valid.count { target[k * stride] += source[k] }
            }
        }
    }

    /// Calls `body(inputOffset, validOutputs, columnOffset)` for each (channel, tap, output row) of
    /// the band. `inputOffset` locates, within the image, the element read by the first valid output
    /// (nil when the whole row falls in the padding); `columnOffset` is where the output row starts
    /// in the column matrix.
    @inline(__always)
    private static func forEachTapRow(
        channels: Int, geometry: WindowGeometry, rows: Range<Int>,
        _ body: (Int?, Range<Int>, Int) -> Void
    ) {
        let (h, w) = (geometry.height, geometry.width)
        let bandColumns = rows.count * w.outputSize
        var columnRow = 0
        for channel in 0..<channels {
            let plane = channel * geometry.inputPlane
            for i in 0..<h.kernelSize {
                for j in 0..<w.kernelSize {
                    let valid = w.validOutputs(tap: j)
                    let firstColumn = w.inputIndex(output: valid.lowerBound, tap: j)
                    for outputRow in rows {
                        let inputRow = h.inputIndex(output: outputRow, tap: i)
                        let inside = inputRow >= 0 && inputRow < h.inputSize && !valid.isEmpty
                        body(inside ? plane + inputRow * w.inputSize + firstColumn : nil, valid,
                             columnRow * bandColumns + (outputRow - rows.lowerBound) * w.outputSize)
                    }
                    columnRow += 1
                }
            }
        }
    }
}
