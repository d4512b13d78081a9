import Foundation
import NN

/// Epoch metrics as bytes for a broadcast: per metric, sorted by name, the UTF-8 name, a zero byte and the
/// value's 8 bytes (bit pattern, little-endian), so that NaN and infinities survive unchanged.
enum MetricsCoding {
    static func encode(_ metrics: EpochMetrics) -> [UInt8] {
        metrics.sorted { $0.key < $1.key }.flatMap { name, value in
            Array(name.utf8) + [0] + withUnsafeBytes(of: value.bitPattern.littleEndian, Array.init)
        }
    }

    static func decode(_ bytes: [UInt8]) throws -> EpochMetrics {
        var metrics = EpochMetrics()
        var position = 0
        while position < bytes.count {
            guard let end = bytes[position...].firstIndex(of: 0), end + 8 < bytes.count else {
                throw DistributedError.mismatch("malformed metrics broadcast (\(bytes.count) bytes)")
            }
            let name = String(decoding: bytes[position..<end], as: UTF8.self)
            let pattern = bytes[end + 1...end + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            metrics[name] = Double(bitPattern: pattern)
            position = end + 9
        }
        return metrics
    }
}
