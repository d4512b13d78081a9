/// Sampling helpers with fixed algorithms, so shuffles, splits and synthetic data are reproducible across
/// platforms and Swift versions (the standard library's own `shuffle` and `random(in:)` are unspecified).
extension RandomGenerator {
    /// A generator for one independent stream derived from `seed` and a path of indices
    /// (e.g. genre, track, epoch), so parallel work stays deterministic whatever the thread order.
    public init(seed: UInt64, stream: UInt64...) {
        var mixer = RandomGenerator(seed: seed)
        var derived = mixer.next()
        for index in stream {
            mixer = RandomGenerator(seed: derived ^ (index &* 0xD1B5_4A32_D192_ED03))
            derived = mixer.next()
        }
        self.init(seed: derived)
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

    /// A uniform `Float` in `range`.
    @inlinable
    public mutating func float(in range: ClosedRange<Float>) -> Float {
        range.lowerBound + (range.upperBound - range.lowerBound) * nextUniform()
    }

    /// True with probability `p`.
    @inlinable
    public mutating func chance(_ p: Float) -> Bool {
        nextUniform() < p
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
}
