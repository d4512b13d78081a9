/// Loads and stores of `V.scalarCount` consecutive elements of one row of a `height × width` plane, for kernels
/// that process several adjacent windows per SIMD operation.
///
/// Loads read zero outside the plane (implicit zero padding); stores drop the elements that fall
/// outside it. Segments wholly inside take one unaligned vector access, the others go element-wise.
struct PlaneSegments {
    var height: Int
    var width: Int

    /// Elements `column..<column + V.scalarCount` of row `row` of `plane`, zero where outside the plane.
    @inline(__always)
    func load<V: SIMD>(_ plane: UnsafePointer<Float>, row: Int, column: Int) -> V where V.Scalar == Float {
        guard row >= 0 && row < height else { return V() }
        let start = plane + row * width
        if column >= 0 && column + V.scalarCount <= width {
            return UnsafeRawPointer(start + column).loadUnaligned(as: V.self)
        }
        var segment = V()
        for k in 0..<V.scalarCount where column + k >= 0 && column + k < width { segment[k] = start[column + k] }
        return segment
    }

    /// Writes the elements of `segment` that fall inside the plane to `column..<column + V.scalarCount`
    /// of row `row`.
    @inline(__always)
    func store<V: SIMD>(_ segment: V, into plane: UnsafeMutablePointer<Float>, row: Int, column: Int)
    where V.Scalar == Float {
        guard row >= 0 && row < height else { return }
        let start = plane + row * width
        if column >= 0 && column + V.scalarCount <= width {
            UnsafeMutableRawPointer(start + column).storeBytes(of: segment, as: V.self)
            return
        }
        for k in 0..<V.scalarCount where column + k >= 0 && column + k < width { start[column + k] = segment[k] }
    }
}
