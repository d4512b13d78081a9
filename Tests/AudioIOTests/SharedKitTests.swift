import AudioIO
import TestSupport
import XCTest

/// Decodes the ten GTZAN `.au` excerpts of the shared kit (skipped when the kit is absent).
final class SharedKitTests: XCTestCase {
    /// Sample counts from the kit's README table (all 22050 Hz, mono, 16-bit).
    let expectedFrames = [
        "blues": 661794, "classical": 661794, "country": 663300, "disco": 664180, "hiphop": 661504,
        "jazz": 661794, "metal": 661504, "pop": 661504, "reggae": 661794, "rock": 661794,
    ]

    func testTenTracksDecodeWithTheirDeclaredLengths() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit absent") }
        for (genre, frames) in expectedFrames.sorted(by: { $0.key < $1.key }) {
            let url = kit.appendingPathComponent("genres/\(genre)/\(genre).00000.au")
            let info = try AudioFile.info(url)
            XCTAssertEqual(info, AudioInfo(frames: frames, sampleRate: 22050, channels: 1, format: "AU", subtype: "PCM_16"), genre)
            let buffer = try AudioFile.read(url)
            XCTAssertEqual(buffer.sampleRate, 22050, genre)
            XCTAssertEqual(buffer.samples.count, frames, genre)
            let peak = buffer.samples.reduce(0) { max($0, abs($1)) }
            XCTAssertGreaterThan(peak, 0.05, "\(genre) decodes to near silence")
            XCTAssertLessThanOrEqual(peak, 1, genre)
        }
    }

    func testFullScaleSamplesOfPop() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit absent") }
        // The README says pop.00000 reaches both -32768 and 32767.
        let samples = try AudioFile.read(kit.appendingPathComponent("genres/pop/pop.00000.au")).samples
        XCTAssertEqual(samples.min(), -1)
        XCTAssertEqual(samples.max(), 32767 / 32768)
    }
}
