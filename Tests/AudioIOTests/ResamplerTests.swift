import AudioIO
import TestSupport
import XCTest

/// In-memory resampling: librosa's length rule, its numbers, and streaming equal to one shot.
final class ResamplerTests: XCTestCase {
    let stereo44k = Fixtures.url("AudioIO/chirp44k_stereo16.wav")

    func testOutputLengthIsLibrosaCeiling() {
        XCTAssertEqual(Resampler.outputFrames(for: 88200, from: 44100, to: 22050), 44100)
        XCTAssertEqual(Resampler.outputFrames(for: 88201, from: 44100, to: 22050), 44101)
        XCTAssertEqual(Resampler.outputFrames(for: 1000, from: 16000, to: 22050), 1379)  // ceil(1378.125)
    }

    func testResamplingDecodedSamplesMatchesLibrosa() throws {
        let native = try AudioFile.read(stereo44k, sampleRate: nil)
        let resampled = try AudioFile.resample(native.samples, from: 44100, to: 22050)
        let expected = try NPYArray.fixture("AudioIO/chirp44k_22050.npy")
        XCTAssertEqual(resampled.count, expected.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(resampled, expected.values), 1e-4)
    }

    func testStereoResamplingEqualsPerChannelResampling() throws {
        let stereo = try AudioFile.read(stereo44k, sampleRate: nil, mono: false)
        let both = try AudioFile.resample(stereo.samples, from: 44100, to: 16000, channels: 2)
        for c in 0..<2 {
            let channel = stride(from: c, to: stereo.samples.count, by: 2).map { stereo.samples[$0] }
            let alone = try AudioFile.resample(channel, from: 44100, to: 16000)
            XCTAssertEqual(stride(from: c, to: both.count, by: 2).map { both[$0] }, alone)
        }
    }

    func testStreamingInBlocksEqualsOneShot() throws {
        let samples = try AudioFile.read(stereo44k, sampleRate: nil).samples
        let oneShot = try Resampler.resample(samples, from: 44100, to: 22050)
        let resampler = try Resampler(from: 44100, to: 22050)
        var output = [Float](repeating: 0, count: oneShot.count + 100)
        var written = 0
        try samples.withUnsafeBufferPointer { input in
            try output.withUnsafeMutableBufferPointer { output in
                for start in stride(from: 0, to: input.count, by: 7001) {
                    let block = UnsafeBufferPointer(rebasing: input[start..<min(start + 7001, input.count)])
                    written += try resampler.process(block, into: UnsafeMutableBufferPointer(rebasing: output[written...]))
                }
                written += try resampler.flush(into: UnsafeMutableBufferPointer(rebasing: output[written...]))
            }
        }
        XCTAssertGreaterThanOrEqual(written, oneShot.count - 1)
        let common = min(written, oneShot.count)
        XCTAssertEqual(Array(output[..<common]), Array(oneShot[..<common]))
    }

    func testSineKeepsItsAmplitudeAndQualityNamesMatchLibrosa() throws {
        let sine = (0..<16000).map { Float(sin(2 * Double.pi * 440 * Double($0) / 16000)) }
        for quality in Resampler.Quality.allCases {
            let out = try AudioFile.resample(sine, from: 16000, to: 48000, quality: quality)
            XCTAssertEqual(out.count, 48000)
            let middle = out[12000..<36000]
            XCTAssertEqual(middle.max()!, 1, accuracy: 0.01, quality.rawValue)
        }
        XCTAssertEqual(Resampler.Quality(rawValue: "soxr_hq"), .soxr_hq)
    }

    func testEqualRatesReturnTheInputAndBadRatesThrow() throws {
        XCTAssertEqual(try AudioFile.resample([1, 2, 3], from: 8000, to: 8000), [1, 2, 3])
        let attempts: [() throws -> Void] = [
            { _ = try Resampler(from: 0, to: 8000) },
            { _ = try Resampler(from: 8000, to: .infinity) },
            { _ = try AudioFile.resample([1, 2, 3], from: 8000, to: 16000, channels: 2) },
            { _ = try AudioFile.resample([1, 2], from: 8000, to: 16000, channels: 0) },
        ]
        for attempt in attempts {
            XCTAssertThrowsError(try attempt()) {
                guard case .resampling? = $0 as? AudioIOError else { return XCTFail("\($0)") }
            }
        }
    }

    /// 20 s of a chirp plus reproducible noise: long enough to be cut into segments.
    func longSignal(rate: Double) -> [Float] {
        var state: UInt32 = 12345
        return (0..<Int(20 * rate)).map { i in
            state = state &* 1_664_525 &+ 1_013_904_223
            let t = Double(i) / rate
            return Float(0.5 * sin(2 * .pi * (50 + 400 * t) * t)) + Float(Int32(bitPattern: state)) / 0x1p33
        }
    }

    /// One continuous libsoxr stream over the whole signal, trimmed/padded like librosa.
    func streamed(_ samples: [Float], from inputRate: Double, to outputRate: Double) throws -> [Float] {
        let resampler = try Resampler(from: inputRate, to: outputRate)
        var output = [Float](repeating: 0, count: Resampler.outputFrames(for: samples.count, from: inputRate, to: outputRate))
        try samples.withUnsafeBufferPointer { input in
            try output.withUnsafeMutableBufferPointer { output in
                let written = try resampler.process(input, into: output)
                _ = try resampler.flush(into: UnsafeMutableBufferPointer(rebasing: output[written...]))
            }
        }
        return output
    }

    func testSegmentedResamplingOfLongSignalsEqualsOneStream() throws {
        for (inputRate, outputRate) in [(44100.0, 22050.0), (16000, 22050), (22050, 16000), (48000, 44100)] {
            let samples = longSignal(rate: inputRate)
            let segmented = try AudioFile.resample(samples, from: inputRate, to: outputRate)
            let continuous = try streamed(samples, from: inputRate, to: outputRate)
            XCTAssertEqual(segmented.count, continuous.count)
            XCTAssertLessThanOrEqual(maxAbsDifference(segmented, continuous), 2e-6, "\(inputRate) → \(outputRate)")
        }
    }

    func testSegmentedReadEqualsResamplingTheNativeRead() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-long")
        defer { try? FileManager.default.removeItem(at: directory) }
        let url = directory.appendingPathComponent("long.wav")
        let mono = longSignal(rate: 44100)
        try AudioFile.write(url, samples: zip(mono, mono.reversed()).flatMap { [$0, $1] }, sampleRate: 44100, channels: 2)
        for (mono, offset, duration) in [(true, 0.0, nil), (false, 1.7, 9.1) as (Bool, Double, Double?)] {
            let native = try AudioFile.read(url, sampleRate: nil, mono: mono, offset: offset, duration: duration)
            let direct = try AudioFile.read(url, sampleRate: 22050, mono: mono, offset: offset, duration: duration)
            XCTAssertEqual(direct.samples, try AudioFile.resample(native.samples, from: 44100, to: 22050, channels: native.channels))
        }
    }
}
