import Foundation
import Tensor

/// Seeded, reproducible damage to files for fuzz tests: truncations, flipped bits, header words replaced by
/// boundary values (0, 1, 2³¹, all ones, ...), garbage appended. Case `n` of seed `s` is always the same bytes.
public struct Mutator {
    private var random: RandomGenerator

    /// 32-bit values that sit on the edges header fields are checked against.
    static let boundaryWords: [UInt32] = [0, 1, 2, 3, 7, 8, 16, 255, 256, 999, 1000, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
                                          22050, 44100, 768_000, 768_001, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFE, 0xFFFF_FFFF]

    public init(seed: UInt64) { random = RandomGenerator(seed: seed) }

    /// The next 64 random bits (SplitMix64).
    public mutating func next() -> UInt64 { random.next() }

    /// A uniform integer in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.count))
    }

    /// One of `values`.
    public mutating func pick<T>(_ values: [T]) -> T { values[int(in: 0...(values.count - 1))] }

    /// `bytes` damaged in one to three ways, aiming at the first `header` bytes most of the time.
    public mutating func mutate(_ bytes: [UInt8], header: Int = 64) -> [UInt8] {
        var bytes = bytes
        for _ in 0..<int(in: 1...3) {
            guard !bytes.isEmpty else { break }
            let reach = next() % 4 == 0 ? bytes.count : min(header, bytes.count)
            switch next() % 6 {
            case 0: bytes.removeLast(int(in: 1...bytes.count))
            case 1: bytes[int(in: 0...(reach - 1))] ^= UInt8(1 << int(in: 0...7))
            case 2: bytes[int(in: 0...(reach - 1))] = UInt8(truncatingIfNeeded: next())
            case 3, 4:
                let word = pick(Self.boundaryWords)
                let offset = int(in: 0...max(0, reach - 4)) & ~1
                let little = next() % 2 == 0
                for index in 0..<4 where offset + index < bytes.count {
                    let shift = little ? 8 * index : 8 * (3 - index)
                    bytes[offset + index] = UInt8(truncatingIfNeeded: word >> shift)
                }
            default: bytes += (0..<int(in: 1...64)).map { _ in UInt8(truncatingIfNeeded: next()) }
            }
        }
        return bytes
    }

    /// Cases a fuzz test runs: `GENREKIT_FUZZ_CASES` × `share` when set (the `make fuzz` campaign), else `default`.
    public static func caseCount(default count: Int, share: Double) -> Int {
        guard let total = ProcessInfo.processInfo.environment["GENREKIT_FUZZ_CASES"].flatMap(Int.init) else { return count }
        return max(1, Int(Double(total) * share))
    }

    /// The campaign's seed: `GENREKIT_FUZZ_SEED` when set, else `default` (the fixed seed of `make test`).
    public static func seed(default seed: UInt64) -> UInt64 {
        ProcessInfo.processInfo.environment["GENREKIT_FUZZ_SEED"].flatMap(UInt64.init) ?? seed
    }
}
