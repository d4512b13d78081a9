/// Transcendental functions on 8 lanes, for elementwise kernels.
@usableFromInline
enum VectorMath {
    /// eˣ on 8 lanes, within 2 ulp of `Foundation.exp` over the whole float range (Cephes `expf`:
    /// x = n·ln 2 + r, a degree-5 polynomial for eʳ, then 2ⁿ applied in two halves through the
    /// exponent bits so that overflow gives +∞ and underflow gives subnormals or 0). NaN propagates.
    @inlinable @inline(__always)
    static func exp(_ input: SIMD8<Float>) -> SIMD8<Float> {
        let x = input.replacing(with: 88.8, where: input .> 88.8).replacing(with: -104, where: input .< -104)
        // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
        let shifted = x * 1.44269504088896341 + 12_582_912
        let n = shifted - 12_582_912
        let r = x - n * 0.693359375 + n * 2.12194440e-4
        var p = SIMD8<Float>(repeating: 1.9875691500e-4)
        p = p * r + 1.3981999507e-3
        p = p * r + 8.3334519073e-3
        p = p * r + 4.1665795894e-2
        p = p * r + 1.6666665459e-1
        p = p * r + 5.0000001201e-1
        let polynomial = p * (r * r) + r + 1
        let exponent = unsafeBitCast(shifted, to: SIMD8<Int32>.self) &- 0x4B40_0000
        let half = exponent &>> 1
        let first = unsafeBitCast((half &+ 127) &<< 23, to: SIMD8<Float>.self)
        let second = unsafeBitCast((exponent &- half &+ 127) &<< 23, to: SIMD8<Float>.self)
        return polynomial * first * second
    }
}
