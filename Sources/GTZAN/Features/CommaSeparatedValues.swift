import Foundation

/// The lines of a comma-separated file, read as UTF-8 bytes without building a `String` per line.
///
/// Lines end at `\n` (a preceding `\r` is dropped); empty lines are skipped. Fields are plain: no quoting,
/// which is what feature tables (Kaggle's and `gtzan-features`') contain.
struct CommaSeparatedValues {
    private let bytes: [UInt8]

    /// - Throws: `GTZANError.malformedFile` when the file cannot be read.
    init(contentsOf url: URL) throws {
        guard let data = try? Data(contentsOf: url) else {
            throw GTZANError.malformedFile(url, reason: "cannot read the file")
        }
        // A trailing NUL keeps `strtof` inside the buffer on the last field.
        var bytes = [UInt8](repeating: 0, count: data.count + 1)
        bytes.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        self.bytes = bytes
    }

    /// Calls `body` with the 1-based line number and the fields of every non-empty line, in order.
    /// `fields` is valid only during the call.
    func forEachLine(_ body: (_ lineNumber: Int, _ fields: Fields) throws -> Void) rethrows {
        try bytes.withUnsafeBufferPointer { buffer in
            var ranges: [Range<Int>] = []
            var lineNumber = 0
            var start = 0
            let end = buffer.count - 1
            while start < end {
                lineNumber += 1
                var stop = start
                while stop < end && buffer[stop] != UInt8(ascii: "\n") { stop += 1 }
                let contentEnd = stop > start && buffer[stop - 1] == UInt8(ascii: "\r") ? stop - 1 : stop
                if contentEnd > start {
                    ranges.removeAll(keepingCapacity: true)
                    var fieldStart = start
                    for index in start..<contentEnd where buffer[index] == UInt8(ascii: ",") {
                        ranges.append(fieldStart..<index)
                        fieldStart = index + 1
                    }
                    ranges.append(fieldStart..<contentEnd)
                    try body(lineNumber, Fields(buffer: buffer, ranges: ranges))
                }
                start = stop + 1
            }
        }
    }

    /// The fields of one line.
    struct Fields {
        let buffer: UnsafeBufferPointer<UInt8>
        let ranges: [Range<Int>]

        var count: Int { ranges.count }

        /// The text of field `index`.
        func string(_ index: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: buffer[ranges[index]]), as: UTF8.self)
        }

        /// Field `index` as a number, or nil unless the whole field is one.
        func float(_ index: Int) -> Float? {
            let field = UnsafeBufferPointer(rebasing: buffer[ranges[index]])
            guard let first = field.first, first > UInt8(ascii: " ") else { return nil }
            return DecimalFloat.parse(field) ?? strtofWhole(field)
        }

        /// `strtof`, accepted only when it consumes the whole field (the buffer ends in a NUL).
        private func strtofWhole(_ field: UnsafeBufferPointer<UInt8>) -> Float? {
            let start = UnsafeMutablePointer(mutating: field.baseAddress!)
            var last: UnsafeMutablePointer<CChar>?
            let value = start.withMemoryRebound(to: CChar.self, capacity: field.count) { strtof($0, &last) }
            guard let last, UnsafeRawPointer(last) == UnsafeRawPointer(start + field.count) as UnsafeRawPointer else {
                return nil
            }
            return value
        }
    }
}
