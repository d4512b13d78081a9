import AudioIO
import Foundation
import GTZAN
import TestSupport
import XCTest

/// FMA on a small generated tree: `fma_metadata/tracks.csv` in the real two-header-row format (as
/// `pd.read_csv(header=[0, 1], index_col=0)` reads it) and MP3s at `fma_<subset>/<3 digits>/<6 digits>.mp3`.
final class FMAMetadataTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory("fma")
        try CollectionFixture.writeFMA(in: root)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    func testReadsTheTwoRowHeaderFormat() throws {
        let metadata = try FMAMetadata(contentsOf: root.appendingPathComponent(FMAMetadata.relativePath))
        XCTAssertEqual(metadata.tracks.map(\.id), CollectionFixture.fmaRows.map(\.id))
        XCTAssertEqual(metadata.tracks[0], FMATrack(id: 2, genreTop: "Hip-Hop", subset: .small, split: .train, artistID: "1"))
        XCTAssertNil(metadata.tracks[3].genreTop)
        XCTAssertEqual(metadata.tracks[6].genreTop, "Old-Time / Historic")
        XCTAssertEqual(metadata.tracks.map(\.split), [.train, .validation, .test, .train, .train, .test, .train, .test])
    }

    func testAudioPathsFollowUtilsGetAudioPath() {
        XCTAssertEqual(FMAMetadata.audioURL(root: root, subset: .small, id: 2).path, root.path + "/fma_small/000/000002.mp3")
        XCTAssertEqual(FMAMetadata.audioURL(root: root, subset: .large, id: 155066).path, root.path + "/fma_large/155/155066.mp3")
    }

    func testSmallSubsetLabelsArtistsOfficialSplitAndSkips() throws {
        let collection = try LabelledCollection(detecting: root)
        XCTAssertEqual(collection.source, .fma(.small))
        XCTAssertEqual(collection.genres.map(\.name), ["Folk", "Hip-Hop", "Pop"])
        XCTAssertEqual(collection.tracks.map(\.id.description), ["Folk.000140", "Hip-Hop.000002", "Hip-Hop.000005", "Pop.000010"])
        XCTAssertEqual(collection.tracks.map(\.artist), ["60", "1", "1", "6"])
        XCTAssertTrue(collection.tracks.allSatisfy { $0.url.pathExtension == "mp3" && $0.frames > 0 })
        XCTAssertEqual(collection.skipped.map(\.url.lastPathComponent), ["000099.mp3"], "the missing MP3 is reported")
        XCTAssertEqual(collection.notes, ["6 of the 8 tracks in tracks.csv are in the small subset; 1 of them have no "
                                          + "track.genre_top and are left out"])
        XCTAssertTrue(collection.report.contains("000099.mp3"), collection.report)
        let split = try XCTUnwrap(collection.officialSplit)
        XCTAssertEqual(split[TrackID(genre: "Hip-Hop", name: "000002")], .train)
        XCTAssertEqual(split[TrackID(genre: "Hip-Hop", name: "000005")], .validation)
        XCTAssertEqual(split[TrackID(genre: "Pop", name: "000010")], .test)
        XCTAssertEqual(split.count, 4, "only tracks that were opened")
        XCTAssertTrue(collection.artistSource.hasPrefix("artist.id of "), collection.artistSource)
    }

    func testMediumIncludesSmallAndLargeNeedsItsFolder() throws {
        let medium = try LabelledCollection(detecting: root, fmaSubset: .medium)
        XCTAssertEqual(medium.genres.map(\.name), ["Folk", "Hip-Hop", "Old-Time / Historic", "Pop"])
        XCTAssertEqual(medium.tracks.count, 5)
        XCTAssertTrue(medium.tracks.allSatisfy { $0.url.path.contains("/fma_medium/") })
        XCTAssertThrowsError(try LabelledCollection(detecting: root, fmaSubset: .large)) { error in
            XCTAssertTrue("\(error)".contains("no fma_large/"), "\(error)")
        }
        let pop = try LabelledCollection(detecting: root.appendingPathComponent("fma_small"), labels: try Genre.subset(["pop"]))
        XCTAssertEqual(pop.source, .fma(.small), "found from fma_small/ through the metadata beside it")
        XCTAssertEqual(pop.tracks.map(\.id.name), ["000010"], "--labels pop (a GTZAN name, lower-cased) is FMA's Pop")
        XCTAssertEqual(pop.genres.map(\.name), ["Pop"])
    }

    func testBadTracksFilesNameFileAndLine() throws {
        let url = root.appendingPathComponent("fma_metadata/tracks.csv")
        var text = CollectionFixture.fmaTracksCSV()
        text += "77,1,x,y,3\n"
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FMAMetadata(contentsOf: url)) { error in
            XCTAssertEqual("\(error)", "\(url.path): line 20: 5 fields, the header has 11")
        }
        try CollectionFixture.fmaTracksCSV(rows: [(1, "Pop", "tiny", "training", 1)]).write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FMAMetadata(contentsOf: url)) { XCTAssertTrue("\($0)".contains("line 4: set.subset 'tiny'"), "\($0)") }
        try "track_id,genre_top\n1,Pop\n".write(to: url, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try FMAMetadata(contentsOf: url)) { XCTAssertTrue("\($0)".contains("no column track.genre_top"), "\($0)") }
    }
}
