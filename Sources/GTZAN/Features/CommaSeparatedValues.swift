import Foundation

/// The lines of a comma-separated file, read as UTF-8 bytes without building a `String` per line.
///
/// Records end at `\n` (a preceding `\r` is dropped); empty lines are skipped. Fields follow RFC 4180: a field
/// in double quotes may hold commas, line breaks and doubled quotes (what `gtzan-features` writes for such
/// file names); feature tables otherwise hold plain fields. The separator is a comma, or a tab for TSV files.
struct CommaSeparatedValues {
    private let bytes: [UInt8]
    private let separator: UInt8

    /// - Throws: `GTZANError.malformedFile` when the file cannot be read.
    init(contentsOf url: URL, separator: UInt8 = UInt8(ascii: ",")) throws {
        self.separator = separator
        guard let data = try? Data(contentsOf: url) else {
            throw GTZANError.malformedFile(url, reason: "cannot read the file")
        }
        // A trailing NUL keeps `strtof` inside the buffer on the last field.
        var bytes = [UInt8](repeating: 0, count: data.count + 1)
        bytes.withUnsafeMutableBytes { _ = data.copyBytes(to: $0) }
        self.bytes = bytes
    }

    /// Calls `body` with the 1-based line number where each non-empty record starts and its fields, in order.
    /// `fields` is valid only during the call.
    func forEachLine(_ body: (_ lineNumber: Int, _ fields: Fields) throws -> Void) rethrows {
        let (quote, comma, newline, carriageReturn) = (UInt8(ascii: "\""), separator, UInt8(ascii: "\n"), UInt8(ascii: "\r"))
        try bytes.withUnsafeBufferPointer { buffer in
            var ranges: [Range<Int>] = []
            var lineNumber = 1
            var start = 0
            let end = buffer.count - 1
            while start < end {
                ranges.removeAll(keepingCapacity: true)
                var (fieldStart, stop, quoted, breaks) = (start, start, false, 0)
                while stop < end && (quoted || buffer[stop] != newline) {
                    // A doubled quote toggles twice: the field stays quoted.
                    if buffer[stop] == quote { quoted.toggle() }
                    if quoted && buffer[stop] == newline { breaks += 1 }
                    if !quoted && buffer[stop] == comma {
                        ranges.append(fieldStart..<stop)
                        fieldStart = stop + 1
                    }
                    stop += 1
                }
                let contentEnd = stop > fieldStart && buffer[stop - 1] == carriageReturn ? stop - 1 : stop
                if contentEnd > start {
                    ranges.append(fieldStart..<contentEnd)
                    try body(lineNumber, Fields(buffer: buffer, ranges: ranges))
                }
                lineNumber += 1 + breaks
                start = stop + 1
            }
        }
    }

    /// The fields of one line.
    struct Fields {
        let buffer: UnsafeBufferPointer<UInt8>
        let ranges: [Range<Int>]

        var count: Int { ranges.count }

        /// The text of field `index`, without its enclosing quotes and with doubled quotes undone.
        func string(_ index: Int) -> String {
            let range = ranges[index]
            let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
            guard range.count >= 2, buffer[range.lowerBound] == UInt8(ascii: "\""), buffer[range.upperBound - 1] == UInt8(ascii: "\"") else {
                return text
            }
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "\"\"", with: "\"")
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
