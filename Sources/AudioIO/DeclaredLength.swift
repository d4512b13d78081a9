import Foundation

/// The length a file's header declares, recovered from libsndfile's header log.
///
/// libsndfile silently clamps a PCM file's frame count to the bytes actually present, but it logs
/// the mismatch (`data : 40000 (should be 19978)` in WAV, `Data Size : 1323588 (should be 2972)` in
/// AU, `Frame count read from 'COMM' chunk (10000) not equal to ...` in AIFF). Reading the log is
/// the only way to tell a truncated file from a short one without parsing every header ourselves.
struct DeclaredLength {
    /// Frames the header declares.
    let frames: Int
    /// The log line that reports it.
    let logLine: String

    /// The declared length when the log reports a data chunk longer than the file, else nil.
    /// `bytesPerFrame` converts a declared byte count (nil for compressed encodings).
    init?(log: String, bytesPerFrame: Int?) {
        // Both reports hold a parenthesis: the other lines are skipped before any (slow) string search.
        for bytes in log.utf8.split(separator: UInt8(ascii: "\n")) where bytes.contains(UInt8(ascii: "(")) {
            let line = Substring(bytes)
            guard let frames = Self.declaredFrames(in: line, bytesPerFrame: bytesPerFrame) else { continue }
            self.frames = frames
            logLine = line.trimmingCharacters(in: CharacterSet(charactersIn: " *"))
            return
        }
        return nil
    }

    private static func declaredFrames(in line: Substring, bytesPerFrame: Int?) -> Int? {
        if let frames = number(in: line, after: "Frame count read from 'COMM' chunk (") { return frames }
        let fields = line.split(separator: ":", maxSplits: 1)
        guard fields.count == 2, let bytesPerFrame, bytesPerFrame > 0,
              ["data", "Data Size"].contains(fields[0].trimmingCharacters(in: .whitespaces)),
              let shouldBe = number(in: fields[1], after: "(should be "),
              let declared = number(in: fields[1], after: ""),
              // An all-ones size means "unknown length" (a streamed file), not truncation.
              declared > shouldBe, declared < 0xFFFF_FFFF else { return nil }
        return declared / bytesPerFrame
    }

    /// The decimal number that follows `prefix` in `text` (leading spaces skipped).
    private static func number<S: StringProtocol>(in text: S, after prefix: String) -> Int? {
        let start: S.Index
        if prefix.isEmpty {
            start = text.startIndex
        } else {
            guard let range = text.range(of: prefix) else { return nil }
            start = range.upperBound
        }
        let digits = text[start...].drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }
}
