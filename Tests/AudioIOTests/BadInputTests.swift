import AudioIO
import TestSupport
import XCTest

/// Damaged, missing and non-audio inputs throw a typed `AudioIOError` naming the file.
final class BadInputTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("audioio-bad") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    func file(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    /// A valid 16-bit mono file of `frames` frames, returned as bytes.
    func validFile(_ name: String, frames: Int = 1000) throws -> [UInt8] {
        let url = directory.appendingPathComponent("valid-" + name)
        try AudioFile.write(url, samples: (0..<frames).map { Float($0 % 100) / 100 }, sampleRate: 8000)
        return [UInt8](try Data(contentsOf: url))
    }

    /// Both `info` and `read` throw an error that `matches`, and its description names the file.
    func assertRejected(_ url: URL, file: StaticString = #filePath, line: UInt = #line,
                        _ matches: (AudioIOError) -> Bool) {
        for (call, attempt) in [("info", { _ = try AudioFile.info(url) }), ("read", { _ = try AudioFile.read(url) })] {
            XCTAssertThrowsError(try attempt(), call, file: file, line: line) { error in
                guard let error = error as? AudioIOError else { return XCTFail("untyped \(error)", file: file, line: line) }
                XCTAssertTrue(matches(error), "\(call): unexpected \(error)", file: file, line: line)
                XCTAssertEqual(error.path, url.path, file: file, line: line)
                XCTAssertTrue(error.description.contains(url.lastPathComponent), file: file, line: line)
            }
        }
    }

    func testMissingPath() {
        assertRejected(directory.appendingPathComponent("nope.wav")) { if case .notFound = $0 { true } else { false } }
    }

    func testDirectory() {
        assertRejected(directory) { if case .notAFile = $0 { true } else { false } }
    }

    func testZeroByteFile() throws {
        assertRejected(try file("empty.wav", [])) { if case .emptyAudio = $0 { true } else { false } }
    }

    func testRandomBytesNamedWav() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15  // xorshift: reproducible noise
        let bytes = (0..<4096).map { _ -> UInt8 in
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            return UInt8(truncatingIfNeeded: state >> 32)
        }
        assertRejected(try file("noise.wav", bytes)) {
            switch $0 { case .unsupportedFormat, .corrupt: true; default: false }
        }
    }

    func testTextWithAudioExtensions() throws {
        let text = Array(String(repeating: "not audio at all, just words\n", count: 20).utf8)
        for name in ["text.wav", "text.au", "text.flac", "text.ogg", "text.aiff"] {
            assertRejected(try file(name, text)) { if case .unsupportedFormat = $0 { true } else { false } }
        }
    }

    func testTruncatedAU() throws {
        let bytes = try validFile("t.au", frames: 1000)
        // Keep 300 of the 1000 frames after the data offset (big-endian word 1 of the header).
        let dataOffset = bytes[4..<8].reduce(0) { $0 << 8 | Int($1) }
        let url = try file("truncated.au", Array(bytes.prefix(dataOffset + 600)))
        assertRejected(url) {
            if case let .truncated(_, declared, available, _) = $0 { declared == 1000 && available == 300 } else { false }
        }
    }

    func testWavHeaderClaimingMoreFramesThanItHolds() throws {
        var bytes = try validFile("long.wav", frames: 1000)
        let dataSize = bytes.count - 44
        // Declare 5000 frames in the data chunk size (bytes 40..43, little-endian).
        let declared = UInt32(5000 * 2)
        for k in 0..<4 { bytes[40 + k] = UInt8(truncatingIfNeeded: declared >> (8 * k)) }
        XCTAssertEqual(dataSize, 2000)
        assertRejected(try file("claims.wav", bytes)) {
            if case let .truncated(_, declared, available, _) = $0 { declared == 5000 && available == 1000 } else { false }
        }
    }

    func testTruncatedAIFFAndFLAC() throws {
        for name in ["t.aiff", "t.flac"] {
            let url = directory.appendingPathComponent("full-" + name)
            try AudioFile.write(url, samples: (0..<40000).map { sin(Float($0) * 0.01) * 0.5 }, sampleRate: 8000)
            let bytes = [UInt8](try Data(contentsOf: url))
            let truncated = try file("cut-" + name, Array(bytes.prefix(bytes.count / 2)))
            XCTAssertThrowsError(try AudioFile.read(truncated, sampleRate: nil)) {
                guard case let .truncated(_, declared, available, _)? = $0 as? AudioIOError else { return XCTFail("\($0)") }
                XCTAssertEqual(declared, 40000, name)
                XCTAssertLessThan(available, 40000, name)
            }
        }
    }

    func testHalfAnOggVorbisFileIsRejected() throws {
        let url = directory.appendingPathComponent("full.ogg")
        try AudioFile.write(url, samples: (0..<40000).map { sin(Float($0) * 0.01) * 0.5 }, sampleRate: 8000, format: .vorbis)
        let bytes = [UInt8](try Data(contentsOf: url))
        assertRejected(try file("half.ogg", Array(bytes.prefix(bytes.count / 2)))) {
            switch $0 { case .corrupt, .truncated: true; default: false }
        }
    }

    func testWavWithNoFrames() throws {
        var bytes = try validFile("none.wav", frames: 1)
        bytes.removeLast(2)
        for (offset, value) in [(4, UInt32(36)), (40, 0)] {
            for k in 0..<4 { bytes[offset + k] = UInt8(truncatingIfNeeded: value >> (8 * k)) }
        }
        let url = try file("none.wav", bytes)
        XCTAssertEqual(try AudioFile.info(url).frames, 0)
        XCTAssertThrowsError(try AudioFile.read(url)) {
            guard case .emptyAudio? = $0 as? AudioIOError else { return XCTFail("\($0)") }
        }
    }

    func testInvalidReadArguments() throws {
        let url = Fixtures.url("AudioIO/chirp16k_float.wav")  // 2 s
        let attempts: [(String, () throws -> Void)] = [
            ("offset past end", { _ = try AudioFile.read(url, offset: 3) }),
            ("negative offset", { _ = try AudioFile.read(url, offset: -1) }),
            ("negative duration", { _ = try AudioFile.read(url, duration: -1) }),
            ("zero duration", { _ = try AudioFile.read(url, duration: 0) }),
            ("NaN offset", { _ = try AudioFile.read(url, offset: .nan) }),
            ("huge offset", { _ = try AudioFile.read(url, offset: 1e300) }),
            ("huge rate", { _ = try AudioFile.read(url, sampleRate: 1e300) }),
            ("zero rate", { _ = try AudioFile.read(url, sampleRate: 0) }),
            ("zero block", { _ = try AudioFile.blocks(url, blockFrames: 0) }),
        ]
        for (label, attempt) in attempts {
            XCTAssertThrowsError(try attempt(), label) {
                switch $0 as? AudioIOError {
                case .invalidArgument(url.path, _)?, .emptyAudio(url.path, _)?: break
                default: XCTFail("\(label): \($0)")
                }
            }
        }
    }

    func testSharedKitBadFiles() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit absent") }
        let bad = kit.appendingPathComponent("bad")
        assertRejected(bad.appendingPathComponent("truncated.au")) {
            if case let .truncated(_, declared, available, _) = $0 { declared == 661794 && available == 1486 } else { false }
        }
        assertRejected(bad.appendingPathComponent("not-audio.au")) { if case .unsupportedFormat = $0 { true } else { false } }
    }
}
