/// Eight-lane access to float buffers for vectorised element loops (optimizer updates).
extension UnsafeBufferPointer where Element == Float {
    /// Elements `start..<start + count` (count ≤ 8) as SIMD lanes, zero beyond `count`.
    @inline(__always)
    func lanes(_ start: Int, _ count: Int) -> SIMD8<Float> {
        if count == 8 { return UnsafeRawPointer(baseAddress! + start).loadUnaligned(as: SIMD8<Float>.self) }
        var result = SIMD8<Float>()
        for lane in 0..<count { result[lane] = self[start + lane] }
        return result
    }
}

extension UnsafeMutableBufferPointer where Element == Float {
    /// Elements `start..<start + count` (count ≤ 8) as SIMD lanes, zero beyond `count`.
    @inline(__always)
    func lanes(_ start: Int, _ count: Int) -> SIMD8<Float> {
        UnsafeBufferPointer(self).lanes(start, count)
    }

    /// Writes the first `count` lanes of `value` to elements `start...`.
    @inline(__always)
    func setLanes(_ value: SIMD8<Float>, _ start: Int, _ count: Int) {
        if count == 8 { return UnsafeMutableRawPointer(baseAddress! + start).storeBytes(of: value, as: SIMD8<Float>.self) }
        for lane in 0..<count { self[start + lane] = value[lane] }
    }
}
