import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

final class GTZANDatasetTests: XCTestCase {
    func testDetectsMarsyasLayout() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas)
        XCTAssertEqual(dataset.layout.kind, .marsyas)
        XCTAssertEqual(dataset.genres, Genre.gtzan)
        XCTAssertEqual(dataset.countsPerGenre, [Int](repeating: SyntheticFixture.tracksPerGenre, count: 10))
        XCTAssertEqual(dataset.tracks.first?.id.description, "blues.00000")
        XCTAssertEqual(dataset.tracks.map(\.label), dataset.tracks.map { $0.genre.gtzanIndex! })
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

/// Copies with images and no, partial or FLAC audio; label sets follow the genres present.
final class GTZANDatasetLayoutTests: XCTestCase {
    private var fixture: LayoutFixture!

    override func setUpWithError() throws { fixture = try LayoutFixture() }
    override func tearDown() { fixture.remove() }

    private func id(_ genre: Genre, _ number: Int) -> TrackID { TrackID(genre: genre, number: number) }

    func testImageOnlyRootIsAKaggleLayoutWithEveryImage() throws {
        for (index, track) in [id(.blues, 0), id(.blues, 1), id(.jazz, 3), id(.rock, 7)].enumerated() {
            try fixture.writeImage(track, value: Float(index * 40))
        }
        let dataset = try GTZANDataset(root: fixture.root)
        XCTAssertEqual(dataset.layout.kind, .kaggle)
        XCTAssertNil(dataset.layout.audioDirectory)
        XCTAssertTrue(dataset.tracks.isEmpty)
        XCTAssertTrue(dataset.genres.isEmpty)
        XCTAssertEqual(dataset.imageGenres, [.blues, .jazz, .rock], "the label set is the genres present")
        XCTAssertEqual(dataset.images.map(\.id.description), ["blues.00000", "blues.00001", "jazz.00003", "rock.00007"])
        XCTAssertEqual(dataset.images.map(\.label), [0, 0, 1, 2])
        XCTAssertTrue(dataset.images.allSatisfy(\.isStored))
        XCTAssertTrue(dataset.contents.hasPrefix("4 images of 3 genres (4 stored, 0 rendered from audio); 0 excerpts with audio"),
                      dataset.contents)
    }

    func testPartialFLACAudioBesideImages() throws {
        for number in 0..<3 { try fixture.writeImage(id(.metal, number), value: Float(number)) }
        try fixture.writeImage(id(.pop, 0), value: 9)
        try fixture.writeAudio(id(.metal, 1), frequency: 440, extension: "flac")
        try fixture.writeAudio(id(.classical, 5), frequency: 220, extension: "flac")  // audio without an image
        let dataset = try GTZANDataset(root: fixture.root)
        XCTAssertEqual(dataset.tracks.map(\.id.description), ["classical.00005", "metal.00001"])
        XCTAssertEqual(dataset.tracks.first?.url.pathExtension, "flac")
        XCTAssertEqual(dataset.tracks.first?.frames, 4410)
        XCTAssertEqual(dataset.genres, [.classical, .metal])
        XCTAssertEqual(dataset.tracks.map(\.label), [0, 1])
        XCTAssertEqual(dataset.imageGenres, [.classical, .metal, .pop])
        XCTAssertEqual(dataset.images.count, 5, "every stored image, plus one rendered for the excerpt without an image")
        XCTAssertEqual(dataset.images.first { $0.id == id(.classical, 5) }?.isStored, false)
        XCTAssertTrue(dataset.contents.contains("2 excerpts with audio of 2 genres (classical 1, metal 1)"), dataset.contents)
    }

    func testGenreSubsetOfPartialCopyKeepsOnlyPresentGenres() throws {
        try fixture.writeAudio(id(.blues, 0), frequency: 300)
        try fixture.writeAudio(id(.country, 0), frequency: 500, extension: "au")
        let dataset = try GTZANDataset(root: fixture.root, genres: [.country, .disco])
        XCTAssertEqual(dataset.genres, [.country])
        XCTAssertEqual(dataset.tracks.map(\.label), [0])
    }

    func testTwoFilesOfOneTrackKeepOneAndReportTheOther() throws {
        try fixture.writeAudio(id(.jazz, 2), frequency: 300, extension: "flac")
        try fixture.writeAudio(id(.jazz, 2), frequency: 300, extension: "wav")
        let dataset = try GTZANDataset(root: fixture.root)
        XCTAssertEqual(dataset.tracks.map(\.url.lastPathComponent), ["jazz.00002.flac"])
        XCTAssertEqual(dataset.skipped.map(\.url.lastPathComponent), ["jazz.00002.wav"])
        XCTAssertTrue(dataset.skipped[0].reason.contains("jazz.00002.flac"), dataset.skipped[0].reason)
    }

    func testEmptyImageAndAudioFoldersThrowNamingBoth() throws {
        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("images_original/blues"),
                                                withIntermediateDirectories: true)
        XCTAssertThrowsError(try GTZANDataset(root: fixture.root)) { error in
            XCTAssertTrue("\(error)".contains("images_original") && "\(error)".contains("no decodable track or image"), "\(error)")
        }
    }

    func testArtistListFilesAreFoundUnderSplits() throws {
        try fixture.writeImage(id(.blues, 0), value: 1)
        try fixture.writeArtistGroups([(id(.blues, 0), "7")])
        let layout = try GTZANLayout(root: fixture.root)
        XCTAssertEqual(layout.artistListFiles.map(\.lastPathComponent), ["f1_train_groups.txt"])
    }
}
