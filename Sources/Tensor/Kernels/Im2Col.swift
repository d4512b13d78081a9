/// Unfolding of image patches into GEMM operands (`im2col`) and its adjoint (`col2im`).
///
/// Both work on a band of output rows so the column buffer stays in cache: the columns of output
/// rows `rows` of one image with `channels` planes form a `[channels · kh · kw, rows.count · outW]`
/// row-major matrix whose row `(c · kh + i) · kw + j` holds input `c` seen through kernel tap `(i, j)`.
enum Im2Col {
    /// Writes the columns of output rows `rows` of image `input` into `columns` (zeros for padding).
    static func unfold(_ input: UnsafePointer<Float>, channels: Int, geometry: WindowGeometry,
                       rows: Range<Int>, into columns: UnsafeMutablePointer<Float>) {
        if geometry.hasContiguousTapBlocks {
            return forEachTapBlock(channels: channels, geometry: geometry, rows: rows) { block in
                let destination = columns + block.columnOffset
                guard let source = block.inputOffset.map({ input + $0 }) else {
                    return destination.initialize(repeating: 0, count: block.rows.count * block.width)
                }
                let (leading, trailing) = block.paddingRows
                destination.initialize(repeating: 0, count: leading * block.width)
                (destination + block.copyStart).update(from: source, count: block.copyCount)
                (destination + (block.rows.count - trailing) * block.width).initialize(repeating: 0, count: trailing * block.width)
                block.zeroBorders(destination)
            }
        }
        let width = geometry.width.outputSize
        let stride = geometry.width.stride
        forEachTapRow(channels: channels, geometry: geometry, rows: rows) { offset, valid, row in
            let destination = columns + row
            guard let offset else {
                destination.initialize(repeating: 0, count: width)
                return
            }
            let source = input + offset
            if valid.lowerBound > 0 { destination.initialize(repeating: 0, count: valid.lowerBound) }
            if stride == 1 {
                (destination + valid.lowerBound).update(from: source, count: valid.count)
            } else {
                let target = destination + valid.lowerBound
                for k in 0..<valid.count { target[k] = source[k * stride] }
            }
            if valid.upperBound < width {
                (destination + valid.upperBound).initialize(repeating: 0, count: width - valid.upperBound)
            }
        }
    }

    /// Adds the columns in `columns` onto the gradient image `input`: the adjoint of `unfold`.
    /// `columns` is scratch: its entries for padding taps may be overwritten with zeros.
    static func fold(_ columns: UnsafeMutablePointer<Float>, channels: Int, geometry: WindowGeometry,
                     rows: Range<Int>, into input: UnsafeMutablePointer<Float>) {
        if geometry.hasContiguousTapBlocks {
            return forEachTapBlock(channels: channels, geometry: geometry, rows: rows) { block in
                guard let target = block.inputOffset.map({ input + $0 }) else { return }
                let source = columns + block.columnOffset
                block.zeroBorders(source)
                let start = source + block.copyStart
                for k in 0..<block.copyCount { target[k] += start[k] }
            }
        }
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

    /// The columns of one (channel, tap) over a band when input and output rows have the same width
    /// and both strides are 1: the valid part is one contiguous run of the input, shifted.
    struct TapBlock {
        /// Output rows of the band (the block has `rows.count × width` entries).
        var rows: Range<Int>
        var width: Int
        /// Where the block starts in the column matrix.
        var columnOffset: Int
        /// Output rows (within `rows`) and columns whose tap reads inside the input.
        var validRows: Range<Int>
        var validColumns: Range<Int>
        /// Image offset of the element read by the first valid entry; nil when no entry is valid.
        var inputOffset: Int?

        /// Block offset of the first valid entry and the length of the run up to the last valid entry.
        var copyStart: Int { (validRows.lowerBound - rows.lowerBound) * width + validColumns.lowerBound }
        var copyCount: Int { (validRows.count - 1) * width + validColumns.count }

        /// Rows of the band before and after the valid rows.
        var paddingRows: (leading: Int, trailing: Int) {
            (validRows.lowerBound - rows.lowerBound, rows.upperBound - validRows.upperBound)
        }

        /// Zeros the padding columns of the valid rows, which the contiguous run wraps into.
        func zeroBorders(_ block: UnsafeMutablePointer<Float>) {
            let first = block + (validRows.lowerBound - rows.lowerBound) * width
            for column in 0..<validColumns.lowerBound { zeroColumn(first + column) }
            for column in validColumns.upperBound..<width { zeroColumn(first + column) }
        }

        /// Zeros one column of the valid rows, from its entry in the first valid row.
        @inline(__always)
        private func zeroColumn(_ start: UnsafeMutablePointer<Float>) {
            var entry = start
            for _ in 0..<validRows.count {
                entry.pointee = 0
                entry += width
            }
        }
    }

    /// Calls `body` with the tap block of each (channel, tap) of the band, in column-matrix row order.
    @inline(__always)
    private static func forEachTapBlock(channels: Int, geometry: WindowGeometry, rows: Range<Int>,
                                        _ body: (TapBlock) -> Void) {
        let (h, w) = (geometry.height, geometry.width)
        var columnRow = 0
        for channel in 0..<channels {
            for i in 0..<h.kernelSize {
                let validRows = h.validOutputs(tap: i).clamped(to: rows)
                for j in 0..<w.kernelSize {
                    let validColumns = w.validOutputs(tap: j)
                    let inside = !validRows.isEmpty && !validColumns.isEmpty
                    let offset = channel * geometry.inputPlane
                        + h.inputIndex(output: validRows.lowerBound, tap: i) * w.inputSize
                        + w.inputIndex(output: validColumns.lowerBound, tap: j)
                    body(TapBlock(rows: rows, width: w.outputSize, columnOffset: columnRow * rows.count * w.outputSize,
                                  validRows: validRows, validColumns: validColumns, inputOffset: inside ? offset : nil))
                    columnRow += 1
                }
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

extension WindowGeometry {
    /// Whether `Im2Col` can treat each (channel, tap) as one shifted run of the input: stride 1 on
    /// both axes and output rows as wide as input rows.
    var hasContiguousTapBlocks: Bool {
        height.stride == 1 && width.stride == 1 && width.outputSize == width.inputSize
    }
}
