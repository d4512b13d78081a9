import Foundation

/// SplitMix64 (Steele, Lea & Flood 2014): the seeded generator behind every random choice in GTZAN
/// (splits, shuffles, augmentation, synthetic audio).
///
/// Its output is fixed by this file alone, so runs are reproducible across platforms and Swift
/// versions: the helpers below (`uniform(below:)`, `unitFloat()`, `shuffle(_:)`) are written out
/// here instead of relying on the standard library's unspecified algorithms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The current state; the next output is a function of it alone.
    @usableFromInline var state: UInt64

    /// A generator started from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// A generator for one independent stream derived from `seed` and a path of indices
    /// (e.g. genre, track, epoch), so parallel work stays deterministic whatever the thread order.
    public init(seed: UInt64, stream: UInt64...) {
        var mixer = SplitMix64(seed: seed)
        var derived = mixer.next()
        for index in stream {
            mixer = SplitMix64(seed: derived ^ (index &* 0xD1B5_4A32_D192_ED03))
            derived = mixer.next()
        }
        state = derived
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

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection).
    @inlinable
    public mutating func uniform(below bound: Int) -> Int {
        precondition(bound > 0, "uniform(below:) needs a positive bound")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let product = next().multipliedFullWidth(by: range)
            if product.low >= threshold { return Int(product.high) }
        }
    }

    /// A uniform `Float` in `[0, 1)` from the top 24 bits.
    @inlinable
    public mutating func unitFloat() -> Float {
        Float(next() >> 40) * (1 / 16_777_216)
    }

    /// A uniform `Float` in `range`.
    @inlinable
    public mutating func float(in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * unitFloat()
    }

    /// True with probability `p`.
    @inlinable
    public mutating func chance(_ p: Float) -> Bool {
        unitFloat() < p
    }

    /// A uniformly chosen element of a non-empty collection.
    @inlinable
    public mutating func pick<C: RandomAccessCollection>(_ items: C) -> C.Element where C.Index == Int {
        items[items.startIndex + uniform(below: items.count)]
    }

    /// Fisher–Yates shuffle, last index first: for i = n−1 … 1, swap i with `uniform(below: i + 1)`.
    @inlinable
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, uniform(below: i + 1))
        }
    }

    /// A standard normal sample (Box–Muller).
    @inlinable
    public mutating func gaussian() -> Float {
        let u1 = max(unitFloat(), 1e-7)
        let u2 = unitFloat()
        return (-2 * log(u1)).squareRoot() * cos(2 * .pi * u2)
    }
}
