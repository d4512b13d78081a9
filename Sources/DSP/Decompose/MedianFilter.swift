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

    /// The filtered matrix written to `output`, which takes `matrix`'s shape and keeps its storage
    /// (no allocation when it is uniquely referenced and large enough).
    func apply(_ matrix: Matrix, into output: inout Matrix) throws {
        try validate()
        output.resize(rows: matrix.rows, columns: matrix.columns)
        output.values.withUnsafeMutableBufferPointer { filter(matrix, into: $0) }
    }

    /// Writes the medians of every line of `matrix` to `output` (`matrix.values.count` values).
    private func filter(_ matrix: Matrix, into output: UnsafeMutableBufferPointer<Float>) {
        guard matrix.rows > 0, matrix.columns > 0 else { return }
        var median = SlidingMedian(size: size)
        let (lines, length, lineStride, positionStride) = axis == .time
            ? (matrix.rows, matrix.columns, matrix.columns, 1)
            : (matrix.columns, matrix.rows, 1, matrix.columns)
        matrix.values.withUnsafeBufferPointer { input in
            for first in stride(from: 0, to: lines, by: SlidingMedian.laneCount) {
                let offset = first * lineStride
                median.filter(input.baseAddress! + offset, into: output.baseAddress! + offset,
                              lanes: min(SlidingMedian.laneCount, lines - first), laneStride: lineStride,
                              positionStride: positionStride, count: length)
            }
        }
    }
}
