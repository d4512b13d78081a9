import AudioIO
import DSP
import Foundation
import TestSupport
import XCTest

/// Seeded fuzzing of the decode-and-analyse path `gtzan-features` runs: mutated and truncated small files of
/// every container the kit writes. Each case must end in a typed error (`AudioIOError`, `DSPError`) or 57
/// finite features; a crash fails the whole run. `make fuzz` runs the long campaign.
final class DecodeFuzzTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("decode-fuzz") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    /// Small valid files: 600 frames at 8 kHz (mono and stereo, integer and float samples) in each container.
    private func seeds() throws -> [(name: String, bytes: [UInt8])] {
        let formats: [(String, AudioFile.SampleFormat, Int)] = [("wav", .pcm16, 1), ("wav", .float32, 1), ("wav", .pcm8, 2), ("au", .pcm16, 1),
                                                      ("au", .pcm24, 2), ("aiff", .pcm16, 1), ("flac", .pcm16, 1)]
        return try formats.enumerated().map { index, entry in
            let (ext, format, channels) = entry
            let url = directory.appendingPathComponent("seed\(index).\(ext)")
            let samples = (0..<(600 * channels)).map { Float(sin(Double($0) * 0.05)) * 0.5 }
            try AudioFile.write(url, samples: samples, sampleRate: 8000, channels: channels, format: format)
            return (url.lastPathComponent, [UInt8](try Data(contentsOf: url)))
        }
    }

    func testMutatedAudioHeadersGiveTypedErrorsOrFiniteFeatures() throws {
        let seeds = try seeds()
        var mutator = Mutator(seed: Mutator.seed(default: 16))
        let cases = Mutator.caseCount(default: 1200, share: 0.6)
        var outcomes = [String: Int]()
        let features = GTZANFeatures(concurrent: false)
        for index in 0..<cases {
            let seed = mutator.pick(seeds)
            let url = directory.appendingPathComponent("case\(index % 8)." + (seed.name.split(separator: ".").last ?? "wav"))
            try Data(mutator.mutate(seed.bytes)).write(to: url)
            do {
                let audio = try AudioFile.read(url)
                XCTAssertGreaterThan(audio.frames, 0, "case \(index) from \(seed.name)")
                let row = try features(audio.samples)
                XCTAssertTrue(row.allSatisfy(\.isFinite), "case \(index) from \(seed.name): \(row)")
                outcomes["features", default: 0] += 1
            } catch let error as AudioIOError {
                XCTAssertEqual(error.path, url.path, "case \(index): \(error)")
                outcomes["AudioIOError", default: 0] += 1
            } catch let error as DSPError {
                XCTAssertFalse(error.description.isEmpty)
                outcomes["DSPError", default: 0] += 1
            } catch {
                XCTFail("case \(index) from \(seed.name): untyped \(error)")
            }
        }
        print("decode fuzz: \(cases) cases, \(outcomes.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
        XCTAssertEqual(outcomes.values.reduce(0, +), cases)
    }
}
