/// A median filter along one axis of a matrix: SciPy's `scipy.ndimage.median_filter` with a
/// `1 × size` (time) or `size × 1` (frequency) footprint and `mode="reflect"`, as
/// `librosa.decompose.hpss` uses it.
///
/// Each output value is exactly one of the input values (the middle of the sorted window), so
/// results equal SciPy's bit for bit.
public struct MedianFilter: Hashable, Sendable {
    /// The direction the window slides in.
    public enum Axis: Hashable, Sendable {
        /// Along each row, across frames (NumPy `axis=-1`): smooths time, keeps harmonics.
        case time
        /// Along each column, across bins (NumPy `axis=-2`): smooths frequency, keeps onsets.
        case frequency
    }

    /// Window length in values; odd and positive.
    public var size: Int
    /// The direction the window slides in.
    public var axis: Axis

    /// A filter of `size` values along `axis`.
    public init(size: Int, axis: Axis) {
        self.size = size
        self.axis = axis
    }

    /// Throws unless `size` is odd and positive.
    public func validate() throws {
        guard size > 0, size % 2 == 1 else {
            throw DSPError.invalidParameter(name: "kernel_size", value: "\(size)",
                                            requirement: "must be an odd positive integer")
        }
    }

    /// The filtered matrix, the same shape as `matrix`.
    public func callAsFunction(_ matrix: Matrix) throws -> Matrix {
        try validate()
        let values = [Float](unsafeUninitializedCapacity: matrix.values.count) { result, initialized in
            filter(matrix, into: result)
            initialized = matrix.values.count
        }
        return Matrix(rows: matrix.rows, columns: matrix.columns, values: values)
    }

    /// The filtered matrix written to `output`, which takes `matrix`'s shape (its transpose's when
    /// `transposed`, so that each frame's bins are contiguous) and keeps its storage: no allocation
    /// when it is uniquely referenced and large enough.
    func apply(_ matrix: Matrix, into output: inout Matrix, transposed: Bool = false) throws {
        try validate()
        if transposed {
            output.resize(rows: matrix.columns, columns: matrix.rows)
        } else {
            output.resize(rows: matrix.rows, columns: matrix.columns)
        }
        output.values.withUnsafeMutableBufferPointer { filter(matrix, into: $0, transposed: transposed) }
    }

    /// Writes the medians of every line of `matrix` to `output` (`matrix.values.count` values),
    /// row-major in `matrix`'s shape or, when `transposed`, in its transpose's.
    private func filter(_ matrix: Matrix, into output: UnsafeMutableBufferPointer<Float>, transposed: Bool = false) {
        guard matrix.rows > 0, matrix.columns > 0 else { return }
        var median = SlidingMedian(size: size)
        typealias Strides = SlidingMedian.Strides
        let (lines, length) = axis == .time ? (matrix.rows, matrix.columns) : (matrix.columns, matrix.rows)
        // Element (r, c) is at r * columns + c, or at c * rows + r in the transpose.
        let (rowStride, columnStride) = transposed ? (1, matrix.rows) : (matrix.columns, 1)
        let inputStrides = axis == .time ? Strides(lane: matrix.columns, position: 1) : Strides(lane: 1, position: matrix.columns)
        let outputStrides = axis == .time ? Strides(lane: rowStride, position: columnStride)
                                          : Strides(lane: columnStride, position: rowStride)
        matrix.values.withUnsafeBufferPointer { input in
            for first in stride(from: 0, to: lines, by: SlidingMedian.laneCount) {
                median.filter(input.baseAddress! + first * inputStrides.lane, inputStrides,
                              into: output.baseAddress! + first * outputStrides.lane, outputStrides,
                              lanes: min(SlidingMedian.laneCount, lines - first), count: length)
            }
        }
    }
}
