import Foundation

/// A seeded pseudo-random stream (SplitMix64) that gives the same numbers for the same seed on every
/// run and platform: integer arithmetic only, except the `log`/`cos`/`sin` of Box–Muller, which are
/// evaluated in `Double` and rounded to `Float`.
///
/// ```swift
/// var rng = RandomGenerator(seed: 42)
/// let w = Tensor.normal([64, 32], std: 0.1, using: &rng)
/// ```
public struct RandomGenerator: RandomNumberGenerator, Sendable {
    /// The SplitMix64 state: advances by the golden-ratio increment on every draw.
    @usableFromInline var state: UInt64
    /// The second Box–Muller normal of the last pair, returned by the next `nextNormal()`.
    private var spareNormal: Float?

    /// A stream determined entirely by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    @inlinable
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Float` in [0, 1), with 24 random bits.
    @inlinable
    public mutating func nextUniform() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A standard normal `Float` (Box–Muller; pairs are generated together and used in order).
    public mutating func nextNormal() -> Float {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        let (first, second) = nextNormalPair()
        spareNormal = second
        return first
    }

    /// Two independent standard normals from one Box–Muller transform.
    mutating func nextNormalPair() -> (Float, Float) {
        let u1 = (Double(next() >> 11) + 1) * 0x1p-53     // (0, 1]: log stays finite
        let u2 = Double(next() >> 11) * 0x1p-53
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let angle = 2 * Double.pi * u2
        return (Float(radius * Foundation.cos(angle)), Float(radius * Foundation.sin(angle)))
    }
}
