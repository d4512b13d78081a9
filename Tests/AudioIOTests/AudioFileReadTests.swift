import AudioIO
import TestSupport
import XCTest

/// `AudioFile.read` against `librosa.load` on the fixtures of `scripts/fixtures/audioio.py`.
final class AudioFileReadTests: XCTestCase {
    let stereo44k = Fixtures.url("AudioIO/chirp44k_stereo16.wav")
    let mono16k = Fixtures.url("AudioIO/chirp16k_float.wav")

    func testDownsampling44kStereoMatchesLibrosa() throws {
        let buffer = try AudioFile.read(stereo44k)
        let expected = try NPYArray.fixture("AudioIO/chirp44k_22050.npy")
        XCTAssertEqual(buffer.sampleRate, 22050)
        XCTAssertEqual(buffer.channels, 1)
        XCTAssertEqual(buffer.samples.count, expected.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(buffer.samples, expected.values), 1e-4)
    }

    func testUpsampling16kMatchesLibrosa() throws {
        let buffer = try AudioFile.read(mono16k)
        let expected = try NPYArray.fixture("AudioIO/chirp16k_22050.npy")
        XCTAssertEqual(buffer.samples.count, expected.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(buffer.samples, expected.values), 1e-4)
    }

    func testOffsetAndDurationMatchLibrosa() throws {
        let buffer = try AudioFile.read(stereo44k, offset: 0.5, duration: 1.0)
        let expected = try NPYArray.fixture("AudioIO/chirp44k_window_22050.npy")
        XCTAssertEqual(buffer.samples.count, expected.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(buffer.samples, expected.values), 1e-4)
    }

    func testNativeRateStereoWindowIsExactAndInterleaved() throws {
        let buffer = try AudioFile.read(stereo44k, sampleRate: nil, mono: false, offset: 0.25, duration: 0.5)
        let expected = try NPYArray.fixture("AudioIO/chirp44k_window_native.npy")  // shape (channels, frames)
        XCTAssertEqual(buffer.sampleRate, 44100)
        XCTAssertEqual(buffer.channels, 2)
        XCTAssertEqual([buffer.channels, buffer.frames], expected.shape)
        let frames = expected.shape[1]
        let planar = (0..<2).flatMap { c in (0..<frames).map { buffer.samples[$0 * 2 + c] } }
        XCTAssertEqual(planar, expected.values)
    }

    func testMonoIsChannelMean() throws {
        let stereo = try AudioFile.read(stereo44k, sampleRate: nil, mono: false)
        let mono = try AudioFile.read(stereo44k, sampleRate: nil)
        XCTAssertEqual(mono.frames, stereo.frames)
        XCTAssertEqual(mono.samples, (0..<stereo.frames).map { (stereo.samples[2 * $0] + stereo.samples[2 * $0 + 1]) / 2 })
    }

    /// The 8-frame mixdown and its scalar tail, on 16-bit and float sources of odd lengths.
    func testMonoOfOddLengthsIsChannelMean() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-mixdown")
        defer { try? FileManager.default.removeItem(at: directory) }
        for (format, frames) in [(AudioFile.SampleFormat.pcm16, 16384 + 13), (.float32, 7), (.pcm16, 1)] {
            let url = directory.appendingPathComponent("mix-\(format)-\(frames).wav")
            let samples = (0..<(2 * frames)).map { Float(sin(Double($0) * 0.7)) * 0.9 }
            try AudioFile.write(url, samples: samples, sampleRate: 8000, channels: 2, format: format)
            let stereo = try AudioFile.read(url, sampleRate: nil, mono: false)
            let mono = try AudioFile.read(url, sampleRate: nil)
            XCTAssertEqual(mono.samples, (0..<frames).map { (stereo.samples[2 * $0] + stereo.samples[2 * $0 + 1]) / 2 },
                           "\(format), \(frames) frames")
        }
    }

    func testWindowReadEqualsSliceOfFullRead() throws {
        let full = try AudioFile.read(mono16k, sampleRate: nil)
        let window = try AudioFile.read(mono16k, sampleRate: nil, offset: 1.2345, duration: 0.3)
        let start = Int(1.2345 * 16000)
        XCTAssertEqual(window.samples, Array(full.samples[start..<(start + Int(0.3 * 16000))]))
    }

    func testDurationPastTheEndStopsAtTheEnd() throws {
        let buffer = try AudioFile.read(mono16k, sampleRate: nil, offset: 1.5, duration: 1e300)
        XCTAssertEqual(buffer.frames, 32000 - 24000)
    }

    /// A FLAC stream header may state no length (0 samples: written to a pipe). libsndfile then reports
    /// SF_COUNT_MAX frames; the frames are counted by decoding, so reads (split or not) are those of the file.
    func testFLACWithoutAStatedLengthReadsToItsEnd() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-flac-length")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("stated.flac")
        let frames = 300_000  // more than one resampling segment: the split read reopens the file
        try AudioFile.write(url, samples: (0..<frames).map { sin(Float($0) * 0.01) * 0.5 }, sampleRate: 8000)
        var bytes = [UInt8](try Data(contentsOf: url))
        XCTAssertEqual(Array(bytes[0..<4]), Array("fLaC".utf8))
        bytes[21] &= 0xF0  // STREAMINFO: the 36-bit total sample count ends the 8 bytes at offset 18
        for index in 22..<26 { bytes[index] = 0 }
        let unstated = directory.appendingPathComponent("unstated.flac")
        try Data(bytes).write(to: unstated)
        let info = try AudioFile.info(unstated)
        XCTAssertEqual(info.frames, frames)
        XCTAssertFalse(info.lengthIsEstimate)
        XCTAssertEqual(try AudioFile.read(unstated, sampleRate: nil).samples, try AudioFile.read(url, sampleRate: nil).samples)
        XCTAssertEqual(try AudioFile.read(unstated).samples, try AudioFile.read(url).samples)
    }

    func testLibsndfileSupportsTheIssueFormats() {
        XCTAssertTrue(Set(["WAV", "AIFF", "AU", "FLAC", "OGG"]).isSubset(of: AudioFile.availableFormats),
                      "\(AudioFile.availableFormats)")
    }

    func testInfoReadsTheHeader() throws {
        let info = try AudioFile.info(stereo44k)
        XCTAssertEqual(info, AudioInfo(frames: 88200, sampleRate: 44100, channels: 2, format: "WAV", subtype: "PCM_16"))
        XCTAssertEqual(info.duration, 2, accuracy: 1e-12)
        XCTAssertEqual(try AudioFile.info(mono16k).subtype, "FLOAT")
    }

    /// Offset/duration seek instead of decoding what comes before: a window after a damaged stretch
    /// of a FLAC file decodes, although reading from the start fails at the damage.
    func testWindowSeeksPastDamagedStart() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-seek")
        defer { try? FileManager.default.removeItem(at: directory) }
        let intact = directory.appendingPathComponent("intact.flac")
        try AudioFile.write(intact, samples: (0..<80000).map { Float(0.5 * sin(Double($0) * 0.3 + sin(Double($0) * 1e-3))) },
                            sampleRate: 8000)
        var bytes = [UInt8](try Data(contentsOf: intact))
        for i in (bytes.count / 5)..<(bytes.count / 4) { bytes[i] = 0x55 }
        let damaged = directory.appendingPathComponent("damaged.flac")
        try Data(bytes).write(to: damaged)

        XCTAssertThrowsError(try AudioFile.read(damaged, sampleRate: nil)) {
            guard case .truncated(damaged.path, 80000, _, _)? = $0 as? AudioIOError else { return XCTFail("\($0)") }
        }
        let window = try AudioFile.read(damaged, sampleRate: nil, offset: 7, duration: 2)
        XCTAssertEqual(window.samples, try AudioFile.read(intact, sampleRate: nil, offset: 7, duration: 2).samples)
        XCTAssertEqual(window.frames, 16000)
    }
}
