import AudioIO
import TestSupport
import XCTest

/// `AudioFile.blocks` yields the same samples as `read` at the native rate, block by block.
final class AudioBlocksTests: XCTestCase {
    let stereo44k = Fixtures.url("AudioIO/chirp44k_stereo16.wav")

    func testBlocksConcatenateToTheWholeRead() throws {
        for mono in [true, false] {
            let whole = try AudioFile.read(stereo44k, sampleRate: nil, mono: mono, offset: 0.1, duration: 1.5)
            let blocks = try AudioFile.blocks(stereo44k, blockFrames: 10000, mono: mono, offset: 0.1, duration: 1.5)
            XCTAssertEqual(blocks.frames, whole.frames)
            var samples: [Float] = []
            var sizes: [Int] = []
            try blocks.forEach { block in
                XCTAssertEqual(block.channels, mono ? 1 : 2)
                XCTAssertEqual(block.sampleRate, 44100)
                sizes.append(block.frames)
                samples += block.samples
            }
            XCTAssertEqual(sizes, Array(repeating: 10000, count: 6) + [whole.frames - 60000])
            XCTAssertEqual(samples, whole.samples)
            XCTAssertNil(try blocks.next())
        }
    }

    /// Blocks at another rate run one libsoxr stream: together they are the whole resampled read.
    func testResampledBlocksConcatenateToTheResampledRead() throws {
        let whole = try AudioFile.read(stereo44k, sampleRate: 22050, offset: 0.1)
        let blocks = try AudioFile.blocks(stereo44k, sampleRate: 22050, blockFrames: 7000, offset: 0.1)
        XCTAssertEqual(blocks.sampleRate, 22050)
        XCTAssertEqual(blocks.frames, whole.frames)
        var samples: [Float] = []
        try blocks.forEach { samples += $0.samples }
        XCTAssertEqual(samples.count, whole.samples.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(samples, whole.samples), 1e-6)
        XCTAssertEqual(blocks.remainingFrames, 0)
        XCTAssertThrowsError(try AudioFile.blocks(stereo44k, sampleRate: 0))
    }

    func testTruncatedFileThrowsMidStream() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-blocks")
        defer { try? FileManager.default.removeItem(at: directory) }
        let full = directory.appendingPathComponent("full.flac")
        try AudioFile.write(full, samples: (0..<50000).map { sin(Float($0) * 0.003) * 0.5 }, sampleRate: 8000)
        let bytes = try Data(contentsOf: full)
        let cut = directory.appendingPathComponent("cut.flac")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let blocks = try AudioFile.blocks(cut, blockFrames: 4096)
        var decoded = 0
        XCTAssertThrowsError(try blocks.forEach { decoded += $0.frames }) {
            guard case .truncated(cut.path, 50000, _, _)? = $0 as? AudioIOError else { return XCTFail("\($0)") }
        }
        XCTAssertGreaterThan(decoded, 0)
        XCTAssertLessThan(decoded, 50000)
    }
}
