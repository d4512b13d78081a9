import Foundation

/// A NumPy `.npy` array read as `Float`: the format fixtures are committed in.
///
/// Supports little-endian `<f4`, `<f8`, `<i4`, `<i8`, `|u1`, `|b1` in C order, format versions 1–3.
public struct NPYArray {
    public var shape: [Int]
    public var values: [Float]

    public var count: Int { values.count }

    public init(shape: [Int], values: [Float]) {
        self.shape = shape
        self.values = values
    }

    public enum ReadError: Error, CustomStringConvertible {
        case malformed(String, URL)
        public var description: String {
            switch self { case let .malformed(why, url): return "\(url.path): \(why)" }
        }
    }

    /// Reads `url`; doubles are rounded to `Float`.
    public init(contentsOf url: URL) throws {
        let data = try Data(contentsOf: url)
        let bytes = [UInt8](data)
        guard bytes.count >= 10, bytes[0] == 0x93, Array(bytes[1...5]) == Array("NUMPY".utf8) else {
            throw ReadError.malformed("not an .npy file", url)
        }
        let major = bytes[6]
        let headerLength: Int
        let headerStart: Int
        if major == 1 {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
            headerStart = 10
        } else {
            headerLength = Int(bytes[8]) | Int(bytes[9]) << 8 | Int(bytes[10]) << 16 | Int(bytes[11]) << 24
            headerStart = 12
        }
        let header = String(decoding: bytes[headerStart..<headerStart + headerLength], as: UTF8.self)
        guard !header.contains("'fortran_order': True") else { throw ReadError.malformed("Fortran order", url) }
        guard let descrRange = header.range(of: "'descr': '"),
              let descrEnd = header[descrRange.upperBound...].firstIndex(of: "'") else {
            throw ReadError.malformed("no descr", url)
        }
        let descr = String(header[descrRange.upperBound..<descrEnd])
        guard let shapeStart = header.range(of: "'shape': ("),
              let shapeEnd = header[shapeStart.upperBound...].firstIndex(of: ")") else {
            throw ReadError.malformed("no shape", url)
        }
        shape = header[shapeStart.upperBound..<shapeEnd].split(separator: ",")
            .compactMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        let count = shape.reduce(1, *)
        let body = Array(bytes[(headerStart + headerLength)...])
        func load<T>(_ type: T.Type, _ convert: (T) -> Float) throws -> [Float] {
            guard body.count >= count * MemoryLayout<T>.size else { throw ReadError.malformed("short body", url) }
            return body.withUnsafeBytes { raw in
                (0..<count).map { convert(raw.loadUnaligned(fromByteOffset: $0 * MemoryLayout<T>.size, as: T.self)) }
            }
        }
        switch descr {
        case "<f4": values = try load(Float.self) { $0 }
        case "<f8": values = try load(Double.self) { Float($0) }
        case "<i4": values = try load(Int32.self) { Float($0) }
        case "<i8": values = try load(Int64.self) { Float($0) }
        case "|u1", "|b1": values = try load(UInt8.self) { Float($0) }
        default: throw ReadError.malformed("unsupported dtype \(descr)", url)
        }
    }

    /// Reads `Tests/Fixtures/<relativePath>`.
    public static func fixture(_ relativePath: String) throws -> NPYArray {
        try NPYArray(contentsOf: Fixtures.url(relativePath))
    }
}
