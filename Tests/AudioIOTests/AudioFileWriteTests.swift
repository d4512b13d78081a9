import AudioIO
import TestSupport
import XCTest

/// `AudioFile.write` round trips through every container and encoding the issue lists.
final class AudioFileWriteTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("audioio-write") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// 0.5 s of two detuned sines, stereo interleaved, peak 0.8.
    func signal(rate: Double = 22050, frames: Int = 11025) -> [Float] {
        (0..<frames).flatMap { i -> [Float] in
            let t = Double(i) / rate
            return [Float(0.8 * sin(2 * .pi * 440 * t)), Float(0.5 * sin(2 * .pi * 660 * t + 1))]
        }
    }

    func roundTrip(_ name: String, _ format: AudioFile.SampleFormat, samples: [Float]? = nil)
        throws -> (written: [Float], read: AudioBuffer, info: AudioInfo) {
        let url = directory.appendingPathComponent(name)
        let written = samples ?? signal()
        try AudioFile.write(url, samples: written, sampleRate: 22050, channels: 2, format: format)
        return (written, try AudioFile.read(url, sampleRate: nil, mono: false), try AudioFile.info(url))
    }

    func testLosslessFormatsRoundTripWithinHalfAQuantisationStep() throws {
        let cases: [(String, AudioFile.SampleFormat, String, String, Float)] = [
            ("a.wav", .pcm8, "WAV", "PCM_U8", 8), ("b.wav", .pcm16, "WAV", "PCM_16", 16),
            ("c.wav", .pcm24, "WAV", "PCM_24", 24), ("d.wav", .pcm32, "WAV", "PCM_32", 32),
            ("e.wav", .float32, "WAV", "FLOAT", 0), ("f.wav", .float64, "WAV", "DOUBLE", 0),
            ("g.au", .pcm16, "AU", "PCM_16", 16), ("h.au", .float32, "AU", "FLOAT", 0),
            ("i.aiff", .pcm8, "AIFF", "PCM_S8", 8), ("j.aiff", .pcm24, "AIFF", "PCM_24", 24),
            ("k.flac", .pcm16, "FLAC", "PCM_16", 16), ("l.flac", .pcm24, "FLAC", "PCM_24", 24),
        ]
        for (name, format, container, subtype, bits) in cases {
            let (written, read, info) = try roundTrip(name, format)
            XCTAssertEqual(info, AudioInfo(frames: 11025, sampleRate: 22050, channels: 2, format: container, subtype: subtype), name)
            XCTAssertEqual(read.frames, 11025, name)
            // Float32 rounding of q / 2^(bits-1) adds at most one ulp of the value on top of the half step.
            let step: Float = bits == 0 ? 0 : 1 / Float(1 << (Int(bits) - 1))
            XCTAssertLessThanOrEqual(maxAbsDifference(read.samples, written), step / 2 + 1e-7, name)
        }
    }

    func testVorbisRoundTripIsClose() throws {
        let (written, read, info) = try roundTrip("v.ogg", .vorbis)
        XCTAssertEqual(info.format, "OGG")
        XCTAssertEqual(info.subtype, "VORBIS")
        XCTAssertEqual(read.frames, 11025)
        let error = zip(read.samples, written).map { ($0 - $1) * ($0 - $1) }.reduce(0, +)
        let energy = written.map { $0 * $0 }.reduce(0, +)
        XCTAssertLessThan(error / energy, 1e-3, "lossy, but well above 30 dB SNR")
    }

    func testMP3RoundTripIsClose() throws {
        let (written, read, info) = try roundTrip("m.mp3", .mp3)
        XCTAssertEqual(info.format, "MP3")
        XCTAssertTrue(info.lengthIsEstimate)
        // The decoder's delay shifts the signal; compare energies, and the length within one MP3 frame.
        XCTAssertEqual(Double(read.frames), 11025, accuracy: 1152)
        let energy = { (samples: [Float]) in samples.map { Double($0 * $0) }.reduce(0, +) / Double(samples.count) }
        XCTAssertEqual(energy(read.samples), energy(written), accuracy: energy(written) * 0.1)
    }

    func testEvery16BitLevelRoundTripsBitExactly() throws {
        let levels = (-32768...32767).map { Float($0) / 32768 }
        let url = directory.appendingPathComponent("levels.wav")
        try AudioFile.write(url, samples: levels, sampleRate: 8000)
        XCTAssertEqual(try AudioFile.read(url, sampleRate: nil).samples, levels)
    }

    func testRewriting16BitFileReproducesItsSamples() throws {
        let original = try AudioFile.read(Fixtures.url("AudioIO/chirp44k_stereo16.wav"), sampleRate: nil, mono: false)
        let url = directory.appendingPathComponent("copy.wav")
        try AudioFile.write(url, samples: original.samples, sampleRate: original.sampleRate, channels: 2)
        XCTAssertEqual(try AudioFile.read(url, sampleRate: nil, mono: false), original)
    }

    func testOutOfRangeSamplesClip() throws {
        let url = directory.appendingPathComponent("clip.wav")
        try AudioFile.write(url, samples: [2, -2, 1, -1], sampleRate: 8000)
        XCTAssertEqual(try AudioFile.read(url, sampleRate: nil).samples, [32767 / 32768, -1, 32767 / 32768, -1])
    }

    func testInvalidWritesThrowNamingTheFile() throws {
        let wav = directory.appendingPathComponent("x.wav")
        let attempts: [(URL, [Float], Double, Int, AudioFile.SampleFormat)] = [
            (directory.appendingPathComponent("x.mp4"), [0], 8000, 1, .pcm16),
            (wav, [0, 0, 0], 8000, 2, .pcm16),
            (wav, [], 8000, 1, .pcm16),
            (wav, [0], 8000.5, 1, .pcm16),
            (wav, [0], 8000, 1, .vorbis),
            (directory.appendingPathComponent("missing/x.wav"), [0], 8000, 1, .pcm16),
        ]
        for (url, samples, rate, channels, format) in attempts {
            XCTAssertThrowsError(try AudioFile.write(url, samples: samples, sampleRate: rate, channels: channels, format: format)) {
                XCTAssertEqual(($0 as? AudioIOError)?.path, url.path, "\($0)")
            }
        }
    }
}
