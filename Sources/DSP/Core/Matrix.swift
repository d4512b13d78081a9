/// A dense row-major `Float` matrix in librosa's layout: rows are frequency bins or features,
/// columns are frames.
public struct Matrix: Equatable, Sendable {
    /// Number of rows (bins or features).
    public var rows: Int
    /// Number of columns (frames).
    public var columns: Int
    /// `rows * columns` values, row after row.
    public var values: [Float]

    /// Wraps `values` (row-major); `values.count` must equal `rows * columns`.
    public init(rows: Int, columns: Int, values: [Float]) {
        precondition(rows >= 0 && columns >= 0 && values.count == rows * columns,
                     "Matrix \(rows)×\(columns) needs \(rows * columns) values, got \(values.count)")
        self.rows = rows
        self.columns = columns
        self.values = values
    }

    /// A `rows × columns` matrix filled with `value`.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        self.init(rows: rows, columns: columns, values: [Float](repeating: value, count: rows * columns))
    }

    /// The element at (`row`, `column`).
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { values[row * columns + column] }
        set { values[row * columns + column] = newValue }
    }

    /// The values of one row (all frames of one bin or feature).
    public func row(_ index: Int) -> ArraySlice<Float> {
        values[index * columns ..< (index + 1) * columns]
    }

    /// The values of one column (one frame).
    public func column(_ index: Int) -> [Float] {
        (0..<rows).map { values[$0 * columns + index] }
    }

    /// Calls `body(rowIndex, row)` for each row in order, with the row's values as a buffer.
    @inlinable
    public func forEachRow(_ body: (Int, UnsafeBufferPointer<Float>) throws -> Void) rethrows {
        try values.withUnsafeBufferPointer { buffer in
            for r in 0..<rows {
                try body(r, UnsafeBufferPointer(rebasing: buffer[r * columns ..< (r + 1) * columns]))
            }
        }
    }

    /// `(rows, columns)`, as NumPy's `shape`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// Gives the matrix the shape `rows × columns` in place, keeping its storage when it is uniquely
    /// referenced and large enough: values beyond the old count are zero, the others are left as
    /// they were (callers overwrite them).
    mutating func resize(rows: Int, columns: Int) {
        let count = rows * columns
        if values.count > count {
            values.removeLast(values.count - count)
        } else if values.count < count {
            values.append(contentsOf: repeatElement(0, count: count - values.count))
        }
        self.rows = rows
        self.columns = columns
    }

    /// Applies `transform` to every value.
    public func map(_ transform: (Float) throws -> Float) rethrows -> Matrix {
        Matrix(rows: rows, columns: columns, values: try values.map(transform))
    }
}
