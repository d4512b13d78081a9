import AudioIO
import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

final class SyntheticGTZANTests: XCTestCase {
    func testSamplesAreDeterministicPerSeedAndTrack() {
        let first = SyntheticGTZAN.samples(genre: .jazz, index: 3, seconds: 2, seed: 11)
        XCTAssertEqual(first, SyntheticGTZAN.samples(genre: .jazz, index: 3, seconds: 2, seed: 11))
        XCTAssertNotEqual(first, SyntheticGTZAN.samples(genre: .jazz, index: 3, seconds: 2, seed: 12))
        XCTAssertNotEqual(first, SyntheticGTZAN.samples(genre: .jazz, index: 4, seconds: 2, seed: 11))
    }

    func testEveryGenreIsAudibleAndBelowFullScale() {
        for genre in Genre.gtzan {
            let samples = SyntheticGTZAN.samples(genre: genre, index: 0, seconds: 3, seed: 1)
            XCTAssertEqual(samples.count, 66150)
            let peak = samples.reduce(Float(0)) { max($0, abs($1)) }
            XCTAssertLessThan(peak, 1, "\(genre)")
            XCTAssertGreaterThan(peak, 0.1, "\(genre)")
            XCTAssertFalse(samples.contains { !$0.isFinite }, "\(genre)")
        }
    }

    /// Genres differ the way real ones do: distorted metal is far brighter (more zero crossings)
    /// than classical strings, on average over several tracks.
    func testMetalIsBrighterThanClassical() {
        func meanZeroCrossingRate(_ genre: Genre) -> Float {
            let rates = (0..<4).map { index -> Float in
                let samples = SyntheticGTZAN.samples(genre: genre, index: index, seconds: 3, seed: 5)
                let crossings = zip(samples, samples.dropFirst()).filter { ($0 < 0) != ($1 < 0) }.count
                return Float(crossings) / Float(samples.count)
            }
            return rates.reduce(0, +) / Float(rates.count)
        }
        XCTAssertGreaterThan(meanZeroCrossingRate(.metal), 2 * meanZeroCrossingRate(.classical))
    }

    func testWritesMarsyasLayoutAsSixteenBitWAV() throws {
        let root = try SyntheticGTZAN.write(to: try Fixtures.temporaryDirectory("synthetic-marsyas"), tracksPerGenre: 3,
                                            seconds: 4, seed: 7, genres: [.rock, .jazz])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("genres").path).sorted(),
                       ["jazz", "rock"])
        let genre = root.appendingPathComponent("genres/rock")
        let names = try FileManager.default.contentsOfDirectory(atPath: genre.path).sorted()
        XCTAssertEqual(names, (0..<3).map { String(format: "rock.%05d.wav", $0) })
        let info = try AudioFile.info(genre.appendingPathComponent("rock.00002.wav"))
        XCTAssertEqual(info.sampleRate, 22050)
        XCTAssertEqual(info.channels, 1)
        XCTAssertEqual(info.frames, 88200)
        let decoded = try AudioFile.read(genre.appendingPathComponent("rock.00002.wav"), sampleRate: nil).samples
        let expected = SyntheticGTZAN.samples(genre: .rock, index: 2, seconds: 4, seed: 7)
        XCTAssertLessThanOrEqual(maxAbsDifference(decoded, expected), 1 / 32768 + 1e-6)
    }

    func testWritesKaggleLayoutThatTheLoaderOpens() throws {
        let root = try SyntheticGTZAN.write(to: try Fixtures.temporaryDirectory("synthetic-kaggle"), tracksPerGenre: 2,
                                            seconds: 1, seed: 3, genres: [.blues], layout: .kaggle)
        let file = root.appendingPathComponent("Data/genres_original/blues/blues.00001.wav")
        XCTAssertTrue(FileManager.default.fileExists(atPath: file.path))
        let dataset = try GTZANDataset(root: root)
        XCTAssertEqual(dataset.layout.kind, .kaggle)
        XCTAssertEqual(dataset.tracks.count, 2)
    }

    func testRejectsGenresOutsideGTZAN() throws {
        let directory = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try SyntheticGTZAN.write(to: directory, tracksPerGenre: 1, seconds: 1,
                                                      genres: [Genre("polka")])) { error in
            XCTAssertEqual(error as? GTZANError, .unknownGenre("polka"))
        }
    }

    func testRejectsBadParameters() throws {
        let directory = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try SyntheticGTZAN.write(to: directory, tracksPerGenre: 0)) { error in
            XCTAssertTrue("\(error)".contains("tracksPerGenre"))
        }
        XCTAssertThrowsError(try SyntheticGTZAN.write(to: directory, tracksPerGenre: 1, seconds: -1))
    }
}
