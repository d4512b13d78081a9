/// Loads and stores of 8 consecutive elements of one row of a `height × width` plane, for kernels
/// that process several adjacent windows per SIMD operation.
///
/// Loads read zero outside the plane (implicit zero padding); stores drop the elements that fall
/// outside it. Segments wholly inside take one unaligned vector access, the others go element-wise.
struct PlaneSegments {
    var height: Int
    var width: Int

    /// Elements `column..<column + 8` of row `row` of `plane`, zero where outside the plane.
    @inline(__always)
    func load(_ plane: UnsafePointer<Float>, row: Int, column: Int) -> SIMD8<Float> {
        guard row >= 0 && row < height else { return SIMD8() }
        let start = plane + row * width
        if column >= 0 && column + 8 <= width {
            return UnsafeRawPointer(start + column).loadUnaligned(as: SIMD8<Float>.self)
        }
        var segment = SIMD8<Float>()
        for k in 0..<8 where column + k >= 0 && column + k < width { segment[k] = start[column + k] }
        return segment
    }

    /// Writes the elements of `segment` that fall inside the plane to `column..<column + 8` of row `row`.
    @inline(__always)
    func store(_ segment: SIMD8<Float>, into plane: UnsafeMutablePointer<Float>, row: Int, column: Int) {
        guard row >= 0 && row < height else { return }
        let start = plane + row * width
        if column >= 0 && column + 8 <= width {
            UnsafeMutableRawPointer(start + column).storeBytes(of: segment, as: SIMD8<Float>.self)
            return
        }
        for k in 0..<8 where column + k >= 0 && column + k < width { start[column + k] = segment[k] }
    }
}
