/// A 128-bit hash of bytes (two 64-bit multiply–rotate lanes as in xxHash64, with its final avalanche), for
/// finding identical files and identical decoded audio. Not cryptographic: it tells copies apart from
/// different content, not from content crafted to collide.
public struct ContentHash: Hashable, Sendable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    private static let primes: (UInt64, UInt64, UInt64) = (0x9E37_79B1_85EB_CA87, 0xC2B2_AE3D_27D4_EB4F, 0x1656_67B1_9E37_79F9)

    /// The hash of `bytes`.
    public init(_ bytes: UnsafeRawBufferPointer) {
        let (p1, p2, p3) = Self.primes
        var a = p1 ^ UInt64(bytes.count), b = p2 &+ UInt64(bytes.count)
        let words = bytes.count / 8
        for index in 0..<words {
            let word = bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)
            a = ((a &+ word &* p2) << 31 | (a &+ word &* p2) >> 33) &* p1
            b = ((b ^ word &* p3) << 27 | (b ^ word &* p3) >> 37) &* p2 &+ p3
        }
        for index in (words * 8)..<bytes.count {
            a = (a ^ UInt64(bytes[index]) &* p3) &* p1
            b = (b &+ UInt64(bytes[index])) &* p2
        }
        high = Self.avalanche(a ^ (b >> 17))
        low = Self.avalanche(b ^ (a << 13))
    }

    /// The hash `description` printed (32 hexadecimal digits); nil for any other text.
    public init?<Text: StringProtocol>(hex: Text) {
        guard hex.count == 32, let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16) else {
            return nil
        }
        self.high = high
        self.low = low
    }

    /// The hash of `values`' bytes.
    public init<T>(of values: [T]) {
        self = values.withUnsafeBytes { ContentHash($0) }
    }

    private static func avalanche(_ value: UInt64) -> UInt64 {
        var h = value
        h ^= h >> 33
        h &*= primes.1
        h ^= h >> 29
        h &*= primes.2
        h ^= h >> 32
        return h
    }

    public var description: String {
        String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
