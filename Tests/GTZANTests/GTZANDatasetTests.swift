import Foundation
import GTZAN
import TestSupport
import XCTest

final class GTZANDatasetTests: XCTestCase {
    func testDetectsMarsyasLayout() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas)
        XCTAssertEqual(dataset.layout.kind, .marsyas)
        XCTAssertEqual(dataset.genres, Genre.allCases)
        XCTAssertEqual(dataset.countsPerGenre, [Int](repeating: SyntheticFixture.tracksPerGenre, count: 10))
        XCTAssertEqual(dataset.tracks.first?.id.description, "blues.00000")
        XCTAssertEqual(dataset.tracks.map(\.label), dataset.tracks.map { $0.genre.canonicalIndex })
        XCTAssertEqual(dataset.tracks.first?.frames, 88200)
        XCTAssertTrue(dataset.skipped.isEmpty)
    }

    func testDetectsKaggleLayoutFromRootOrDataFolder() throws {
        for root in [SyntheticFixture.kaggle, SyntheticFixture.kaggle.appendingPathComponent("Data")] {
            let dataset = try GTZANDataset(root: root)
            XCTAssertEqual(dataset.layout.kind, .kaggle)
            XCTAssertEqual(dataset.tracks.count, 10 * SyntheticFixture.tracksPerGenre)
        }
        XCTAssertThrowsError(try GTZANDataset(root: SyntheticFixture.kaggle, kind: .marsyas))
    }

    func testGenreSubsetRelabelsInCanonicalOrder() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas, genres: [.rock, .disco])
        XCTAssertEqual(dataset.genres, [.disco, .rock])
        XCTAssertEqual(Set(dataset.tracks.map(\.label)), [0, 1])
        XCTAssertEqual(dataset.tracks.filter { $0.genre == .rock }.map(\.label), [1, 1, 1, 1])
    }

    func testUndecodableFilesAreReportedAndSkipped() throws {
        let root = try Fixtures.temporaryDirectory()
        try SyntheticGTZAN.write(to: root, tracksPerGenre: 2, seconds: 1, seed: 1, genres: [.jazz])
        let folder = root.appendingPathComponent("genres/jazz")
        try Data("not audio at all".utf8).write(to: folder.appendingPathComponent("jazz.00054.wav"))
        let good = try Data(contentsOf: folder.appendingPathComponent("jazz.00000.wav"))
        try good.prefix(3000).write(to: folder.appendingPathComponent("jazz.00055.wav"))
        try good.write(to: folder.appendingPathComponent("jazzy.wav"))
        try Data().write(to: folder.appendingPathComponent("notes.txt"))
        let dataset = try GTZANDataset(root: root, genres: [.jazz])
        XCTAssertEqual(dataset.tracks.map(\.id.description), ["jazz.00000", "jazz.00001"])
        XCTAssertEqual(dataset.skipped.map(\.url.lastPathComponent), ["jazz.00054.wav", "jazz.00055.wav", "jazzy.wav"])
        XCTAssertTrue(dataset.skipped[1].reason.contains("truncated"), dataset.skipped[1].reason)
        XCTAssertTrue(dataset.report.contains("3 file(s) skipped"))
        XCTAssertTrue(dataset.report.contains("jazz.00054.wav"))
    }

    func testMissingLayoutThrowsNamingTheFolder() throws {
        let root = try Fixtures.temporaryDirectory()
        XCTAssertThrowsError(try GTZANDataset(root: root)) { error in
            XCTAssertTrue("\(error)".contains(root.path))
        }
    }

    func testSharedKitTracksDecodeAndBadFilesAreReported() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let dataset = try GTZANDataset(root: kit)
        XCTAssertEqual(dataset.layout.kind, .marsyas)
        XCTAssertEqual(dataset.tracks.count, 10)
        XCTAssertEqual(dataset.tracks.first { $0.genre == .country }?.frames, 663300)
        XCTAssertNotNil(dataset.layout.features30Seconds)
        XCTAssertNotNil(dataset.layout.splitListsDirectory)

        let root = try Fixtures.temporaryDirectory()
        let jazz = root.appendingPathComponent("genres/jazz")
        try FileManager.default.createDirectory(at: jazz, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: kit.appendingPathComponent("genres/jazz/jazz.00000.au"),
                                         to: jazz.appendingPathComponent("jazz.00000.au"))
        try FileManager.default.copyItem(at: kit.appendingPathComponent("bad/truncated.au"),
                                         to: jazz.appendingPathComponent("jazz.00001.au"))
        try FileManager.default.copyItem(at: kit.appendingPathComponent("bad/not-audio.au"),
                                         to: jazz.appendingPathComponent("jazz.00002.au"))
        let damaged = try GTZANDataset(root: root, genres: [.jazz])
        XCTAssertEqual(damaged.tracks.map(\.id.description), ["jazz.00000"])
        XCTAssertEqual(damaged.skipped.count, 2)
    }
}
