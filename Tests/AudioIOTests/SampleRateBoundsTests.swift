import AudioIO
import TestSupport
import XCTest

/// Headers declaring rates outside 1 kHz–768 kHz are corrupt files, and resampling never asks
/// libsoxr for more than `SampleRateBounds.maximumResampledSamples` samples.
final class SampleRateBoundsTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("audioio-rates") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// A 16-bit mono file of 3000 frames at 8 kHz whose header is then patched to declare `rate`.
    private func file(_ name: String, declaring rate: UInt32) throws -> URL {
        let url = directory.appendingPathComponent(name)
        try AudioFile.write(url, samples: (0..<3000).map { Float($0 % 50) / 50 }, sampleRate: 8000)
        var bytes = [UInt8](try Data(contentsOf: url))
        if url.pathExtension == "au" {
            // Sun AU: big-endian sample rate at byte 16.
            bytes.replaceSubrange(16..<20, with: withUnsafeBytes(of: rate.bigEndian, Array.init))
        } else {
            // RIFF WAVE: the fmt chunk's little-endian sample rate at byte 24, byte rate (2 bytes a frame) at 28.
            bytes.replaceSubrange(24..<28, with: withUnsafeBytes(of: rate.littleEndian, Array.init))
            bytes.replaceSubrange(28..<32, with: withUnsafeBytes(of: (rate &* 2).littleEndian, Array.init))
        }
        try Data(bytes).write(to: url)
        return url
    }

    func testRatesOutsideTheBoundsAreCorruptFilesNamedInTheError() throws {
        for rate: UInt32 in [1, 2, 999, 768_001, 2_000_000, UInt32(Int32.max)] {
            for name in ["r\(rate).wav", "r\(rate).au"] {
                let url = try file(name, declaring: rate)
                for (call, attempt) in [("info", { _ = try AudioFile.info(url) }), ("read", { _ = try AudioFile.read(url) })] {
                    XCTAssertThrowsError(try attempt(), "\(name) \(call)") { error in
                        guard case let .corrupt(path, message)? = error as? AudioIOError else {
                            return XCTFail("\(name) \(call): \(error)")
                        }
                        XCTAssertEqual(path, url.path)
                        XCTAssertTrue(message.contains("\(rate) Hz"), message)
                        XCTAssertTrue("\(error)".contains(name), "\(error)")
                    }
                }
            }
        }
    }

    func testRatesAtTheBoundsDecodeAndResample() throws {
        for rate: UInt32 in [1000, 768_000] {
            let url = try file("edge\(rate).wav", declaring: rate)
            XCTAssertEqual(try AudioFile.info(url).sampleRate, Double(rate))
            let audio = try AudioFile.read(url)
            XCTAssertEqual(audio.frames, Int((3000 * 22050 / Double(rate)).rounded(.up)))
            XCTAssertTrue(audio.samples.allSatisfy(\.isFinite))
        }
    }

    func testResampledLengthPastTheLimitThrowsBeforeAllocating() {
        // 10⁵ samples from 1 Hz to 1 MHz would be 10¹¹ frames (400 GB).
        XCTAssertThrowsError(try AudioFile.resample([Float](repeating: 0.1, count: 100_000), from: 1, to: 1_000_000)) {
            guard case let .invalidArgument(_, message)? = $0 as? AudioIOError else { return XCTFail("\($0)") }
            XCTAssertTrue(message.contains("100000000000 frames"), message)
        }
        let limit = SampleRateBounds.maximumResampledSamples
        XCTAssertThrowsError(try AudioFile.resample([Float](repeating: 0.1, count: 4000), from: 1000, to: Double(limit) / 2,
                                                    channels: 2))
    }
}
