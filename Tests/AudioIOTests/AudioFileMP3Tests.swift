import AudioIO
import Foundation
import TestSupport
import XCTest

/// MP3 through libsndfile against `librosa.load` on the fixtures of `scripts/fixtures/mp3.py`: constant and
/// variable bit rates at 22.05, 44.1 and 48 kHz, mono and stereo, with and without the Xing/Info frame
/// that states the exact length.
final class AudioFileMP3Tests: XCTestCase {
    struct Reference {
        let name: String
        let rate: Double
        let channels: Int
        let soundfileFrames: Int
        let decodedFrames: Int
        let frames22050: Int
        var url: URL { Fixtures.url("AudioIO/mp3/\(name).mp3") }
    }

    static let references: [Reference] = {
        let data = try! Data(contentsOf: Fixtures.url("AudioIO/mp3/metadata.json"))
        let files = (try! JSONSerialization.jsonObject(with: data) as! [String: Any])["files"] as! [String: [String: Any]]
        return files.keys.sorted().map { name in
            let file = files[name]!
            return Reference(name: name, rate: Double(file["rate"] as! Int), channels: file["channels"] as! Int,
                             soundfileFrames: file["soundfile_frames"] as! Int, decodedFrames: file["decoded_frames"] as! Int,
                             frames22050: file["frames_22050"] as! Int)
        }
    }()

    func testFixturesCoverTheIssueCases() {
        let references = Self.references
        XCTAssertEqual(Set(references.map(\.rate)), [22050, 44100, 48000])
        XCTAssertEqual(Set(references.map(\.channels)), [1, 2])
        XCTAssertTrue(references.contains { $0.soundfileFrames > $0.decodedFrames }, "an over-estimated length")
    }

    func testInfoMarksTheLengthAsAnEstimate() throws {
        for reference in Self.references {
            let info = try AudioFile.info(reference.url)
            XCTAssertEqual(info.format, "MP3")
            XCTAssertEqual(info.subtype, "MPEG_LAYER_III")
            XCTAssertTrue(info.lengthIsEstimate, reference.name)
            XCTAssertEqual(info.frames, reference.soundfileFrames, reference.name)
            XCTAssertEqual(info.sampleRate, reference.rate, reference.name)
            XCTAssertEqual(info.channels, reference.channels, reference.name)
        }
        XCTAssertFalse(try AudioFile.info(Fixtures.url("AudioIO/chirp44k_stereo16.wav")).lengthIsEstimate)
    }

    func testReadDecodesToTheRealEndAndMatchesLibrosa() throws {
        for reference in Self.references {
            let native = try AudioFile.read(reference.url, sampleRate: nil, mono: false)
            XCTAssertEqual(native.frames, reference.decodedFrames, reference.name)
            let buffer = try AudioFile.read(reference.url)
            XCTAssertEqual(buffer.samples.count, reference.frames22050, reference.name)
            let expected = try NPYArray.fixture("AudioIO/mp3/\(reference.name)_22050_every16.npy")
            let decimated = stride(from: 0, to: buffer.samples.count, by: 16).map { buffer.samples[$0] }
            XCTAssertEqual(decimated.count, expected.count, reference.name)
            XCTAssertLessThanOrEqual(maxAbsDifference(decimated, expected.values), 1e-4, reference.name)
        }
    }

    func testBlocksStreamTheSameSamplesAtAnyRate() throws {
        for reference in Self.references {
            for rate in [nil, 22050.0] {
                let whole = try AudioFile.read(reference.url, sampleRate: rate)
                let blocks = try AudioFile.blocks(reference.url, sampleRate: rate, blockFrames: 5000)
                XCTAssertEqual(blocks.sampleRate, rate ?? reference.rate)
                var samples: [Float] = []
                try blocks.forEach { samples += $0.samples }
                XCTAssertEqual(samples.count, whole.samples.count, "\(reference.name) at \(rate ?? 0)")
                XCTAssertLessThanOrEqual(maxAbsDifference(samples, whole.samples), rate == nil ? 0 : 1e-6)
                XCTAssertEqual(blocks.remainingFrames, 0)
            }
        }
    }

    func testWindowsOfAnEstimatedLength() throws {
        let reference = try XCTUnwrap(Self.references.first { $0.soundfileFrames > $0.decodedFrames })
        let full = try AudioFile.read(reference.url, sampleRate: nil)
        let tail = try AudioFile.read(reference.url, sampleRate: nil, offset: 3.5)
        // mpg123 restarts decoding a few frames before a seek target: the same samples up to rounding.
        let expected = Array(full.samples[Int(3.5 * reference.rate)...])
        XCTAssertEqual(tail.samples.count, expected.count)
        XCTAssertLessThanOrEqual(maxAbsDifference(tail.samples, expected), 1e-5)
        // Past the decoded end but before the estimated one: no audio, named as such, never an empty buffer.
        let offset = (Double(reference.decodedFrames) + 10) / reference.rate
        XCTAssertThrowsError(try AudioFile.read(reference.url, offset: offset)) {
            guard case .emptyAudio(reference.url.path, _)? = $0 as? AudioIOError else { return XCTFail("\($0)") }
        }
    }

    /// An MP3 cut short cannot be told from a shorter one (its length was only an estimate): it decodes to
    /// where its data ends, without error, as in librosa.
    func testACutMP3EndsWhereItsDataEnds() throws {
        let directory = try Fixtures.temporaryDirectory("audioio-mp3-cut")
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = try XCTUnwrap(Self.references.first { $0.name == "cbr44k_stereo" })
        let bytes = try Data(contentsOf: source.url)
        let cut = directory.appendingPathComponent("cut.mp3")
        try bytes.prefix(bytes.count / 2).write(to: cut)
        let info = try AudioFile.info(cut)
        let buffer = try AudioFile.read(cut, sampleRate: nil)
        XCTAssertTrue(info.lengthIsEstimate)
        XCTAssertLessThan(buffer.frames, info.frames)
        XCTAssertEqual(Double(buffer.frames), Double(source.decodedFrames) / 2, accuracy: 0.05 * Double(source.decodedFrames))
        let full = try AudioFile.read(source.url, sampleRate: nil)
        XCTAssertLessThanOrEqual(maxAbsDifference(buffer.samples, Array(full.samples.prefix(buffer.frames))), 1e-6)
    }
}
