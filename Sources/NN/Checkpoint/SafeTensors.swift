import Foundation

/// A float array with its shape, as stored under one key of a safetensors file.
public struct StoredTensor: Equatable, Sendable {
    /// Dimensions, outermost first (row-major, as PyTorch and NumPy store them).
    public var shape: [Int]
    /// The values in row-major order, converted to `Float`.
    public var values: [Float]

    /// Creates a record; `values.count` must equal the product of `shape`.
    public init(shape: [Int], values: [Float]) {
        precondition(values.count == shape.reduce(1, *), "values.count \(values.count) does not match shape \(shape)")
        self.shape = shape
        self.values = values
    }
}

/// A safetensors file (https://github.com/huggingface/safetensors): an 8-byte little-endian header length,
/// a JSON header mapping each key to `dtype`, `shape` and `data_offsets`, then the raw little-endian data.
///
/// Reading converts F32, F16, BF16, F64, I64 and I32 (e.g. `num_batches_tracked`) to `Float`; writing stores F32. Files written here load with
/// `safetensors.torch.load_file` and are byte-identical to what the Python package writes for F32 tensors
/// (keys sorted, header padded with spaces to a multiple of 8).
public struct SafeTensors: Equatable, Sendable {
    /// The tensors by key (PyTorch `state_dict` names such as `features.0.0.weight`).
    public var tensors: [String: StoredTensor]
    /// The free-form `__metadata__` string map.
    public var metadata: [String: String]

    /// Creates a file's content in memory.
    public init(tensors: [String: StoredTensor] = [:], metadata: [String: String] = [:]) {
        self.tensors = tensors
        self.metadata = metadata
    }

    /// Reads and converts every tensor of the file at `url`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw CheckpointError.io(url, "cannot read: \(error)") }
        try self.init(data: data, source: url)
    }

    /// Parses a serialized file; `source` only names the file in errors.
    public init(data: Data, source: URL) throws {
        let bytes = [UInt8](data)
        guard bytes.count >= 8 else { throw CheckpointError.malformed(source, "shorter than the 8-byte header length") }
        let headerLength = bytes[0..<8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        guard headerLength <= UInt64(bytes.count - 8) else {
            throw CheckpointError.malformed(source, "header length \(headerLength) exceeds the file size \(bytes.count)")
        }
        let bodyStart = 8 + Int(headerLength)
        let header = try Self.parseHeader(Data(bytes[8..<bodyStart]), source: source)
        metadata = [:]
        tensors = [:]
        for (key, value) in header {
            if key == "__metadata__" {
                guard let map = value as? [String: String] else {
                    throw CheckpointError.malformed(source, "__metadata__ is not a string-to-string map")
                }
                metadata = map
                continue
            }
            tensors[key] = try Self.decodeTensor(key: key, entry: value, bytes: bytes, bodyStart: bodyStart,
                                                 source: source)
        }
    }

    /// The file's bytes: F32 data, keys in sorted order, contiguous offsets.
    public func serialized() -> Data {
        let keys = tensors.keys.sorted()
        var offset = 0
        var entries: [String] = []
        if !metadata.isEmpty {
            let pairs = metadata.keys.sorted().map { "\(Self.jsonString($0)):\(Self.jsonString(metadata[$0]!))" }
            entries.append("\"__metadata__\":{\(pairs.joined(separator: ","))}")
        }
        for key in keys {
            let tensor = tensors[key]!
            let end = offset + tensor.values.count * 4
            let shape = tensor.shape.map(String.init).joined(separator: ",")
            entries.append("\(Self.jsonString(key)):{\"dtype\":\"F32\",\"shape\":[\(shape)],\"data_offsets\":[\(offset),\(end)]}")
            offset = end
        }
        var header = Array("{\(entries.joined(separator: ","))}".utf8)
        header += Array(repeating: UInt8(ascii: " "), count: (8 - header.count % 8) % 8)
        var out = Data(capacity: 8 + header.count + offset)
        withUnsafeBytes(of: UInt64(header.count).littleEndian) { out.append(contentsOf: $0) }
        out.append(contentsOf: header)
        for key in keys {
            tensors[key]!.values.withUnsafeBufferPointer { buffer in
                // Float is stored little-endian on every platform Swift runs on.
                out.append(UnsafeBufferPointer(start: UnsafeRawPointer(buffer.baseAddress)?
                    .assumingMemoryBound(to: UInt8.self), count: buffer.count * 4))
            }
        }
        return out
    }

    /// Writes the file atomically (temporary file in the same directory, then rename).
    public func write(to url: URL) throws {
        try AtomicFile.write(serialized(), to: url)
    }

    // MARK: - Decoding

    private static func parseHeader(_ json: Data, source: URL) throws -> [String: Any] {
        guard json.first == UInt8(ascii: "{"),
              let object = try? JSONSerialization.jsonObject(with: json), let header = object as? [String: Any] else {
            throw CheckpointError.malformed(source, "header is not a JSON object")
        }
        return header
    }

    private static func decodeTensor(key: String, entry: Any, bytes: [UInt8], bodyStart: Int,
                                     source: URL) throws -> StoredTensor {
        guard let fields = entry as? [String: Any], let dtype = fields["dtype"] as? String,
              let shape = fields["shape"] as? [Int], let offsets = fields["data_offsets"] as? [Int],
              offsets.count == 2 else {
            throw CheckpointError.malformed(source, "entry '\(key)' lacks dtype, shape or data_offsets")
        }
        guard let format = ElementFormat(rawValue: dtype) else {
            throw CheckpointError.unsupportedDType(source, key: key, dtype: dtype)
        }
        guard shape.allSatisfy({ $0 >= 0 }) else { throw CheckpointError.malformed(source, "'\(key)' has a negative dimension") }
        // Every size comes from the file: products and sums are checked before use (no trap on overflow).
        let body = bytes.count - bodyStart
        guard let count = Self.checkedProduct(shape + [format.size]).map({ $0 / format.size }),
              offsets[0] >= 0, offsets[0] <= offsets[1], offsets[1] <= body else {
            throw CheckpointError.malformed(source, "'\(key)' shape \(shape) and data_offsets \(offsets) exceed the "
                                            + "\(body) data bytes")
        }
        let begin = bodyStart + offsets[0], end = bodyStart + offsets[1]
        guard end - begin == count * format.size else {
            throw CheckpointError.malformed(source, "'\(key)' data_offsets \(offsets) do not hold \(count) \(dtype) values")
        }
        let values = bytes.withUnsafeBytes { raw in
            format.decode(UnsafeRawBufferPointer(rebasing: raw[begin..<end]), count: count)
        }
        return StoredTensor(shape: shape, values: values)
    }

    /// The product of `factors`, or nil when it overflows `Int`.
    private static func checkedProduct(_ factors: [Int]) -> Int? {
        var product = 1
        for factor in factors {
            let (next, overflow) = product.multipliedReportingOverflow(by: factor)
            if overflow { return nil }
            product = next
        }
        return product
    }

    private static func jsonString(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// The element types read from safetensors files.
private enum ElementFormat: String {
    case f32 = "F32", f16 = "F16", bf16 = "BF16", f64 = "F64", i64 = "I64", i32 = "I32"

    var size: Int {
        switch self {
        case .f32, .i32: return 4
        case .f16, .bf16: return 2
        case .f64, .i64: return 8
        }
    }

    func decode(_ raw: UnsafeRawBufferPointer, count: Int) -> [Float] {
        [Float](unsafeUninitializedCapacity: count) { out, initialized in
            switch self {
            case .f32:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self))) }
            case .f64:
                for i in 0..<count { out[i] = Float(Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self)))) }
            case .f16:
                for i in 0..<count { out[i] = Float(halfBits: UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) }
            case .i64:
                for i in 0..<count { out[i] = Float(Int64(littleEndian: raw.loadUnaligned(fromByteOffset: 8 * i, as: Int64.self))) }
            case .i32:
                for i in 0..<count { out[i] = Float(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * i, as: Int32.self))) }
            case .bf16:
                for i in 0..<count { out[i] = Float(bitPattern: UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: 2 * i, as: UInt16.self))) << 16) }
            }
            initialized = count
        }
    }
}

extension Float {
    /// Converts IEEE 754 binary16 bits (including subnormals, infinities and NaN) to `Float`.
    init(halfBits bits: UInt16) {
        let sign = UInt32(bits & 0x8000) << 16
        let exponent = Int(bits >> 10) & 0x1F
        let mantissa = UInt32(bits & 0x3FF)
        switch exponent {
        case 0:
            let magnitude = Float(mantissa) * 0x1p-24
            self = sign == 0 ? magnitude : -magnitude
        case 31:
            self = Float(bitPattern: sign | 0x7F80_0000 | mantissa << 13)
        default:
            self = Float(bitPattern: sign | UInt32(exponent + 112) << 23 | mantissa << 13)
        }
    }
}
