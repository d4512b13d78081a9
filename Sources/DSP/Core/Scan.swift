/// One vectorisable pass over an array's bit patterns: whether every value is finite and whether
/// any has its sign bit set (a negative value, or −0, which callers re-check exactly).
struct Scan {
    let allFinite: Bool
    let anySignBit: Bool

    init(_ values: [Float]) {
        var largestMagnitude: UInt32 = 0, signs: UInt32 = 0
        values.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: UInt32.self) { bits in
                for pattern in bits {
                    largestMagnitude = max(largestMagnitude, pattern & 0x7FFF_FFFF)
                    signs |= pattern
                }
            }
        }
        // An all-ones exponent is NaN or ±infinity.
        allFinite = largestMagnitude < 0x7F80_0000
        anySignBit = signs & 0x8000_0000 != 0
    }
}
