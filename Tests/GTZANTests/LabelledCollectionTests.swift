import AudioIO
import Foundation
import GTZAN
import TestSupport
import XCTest

/// Folder-per-label collections and track tables (CSV and TSV): any label names, any count, skipped files
/// reported, bad rows named by file and line.
final class LabelledCollectionTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = try Fixtures.temporaryDirectory("labelled-collection")
    }

    override func tearDown() { try? FileManager.default.removeItem(at: root) }

    private func write(_ text: String, to path: String) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// Three labels that are not GTZAN's, with nested, hidden, non-audio and broken files.
    private func writeFolders() throws {
        try CollectionFixture.writeTone("ambient/a.wav", in: root)
        try CollectionFixture.writeTone("ambient/b.flac", in: root)
        try CollectionFixture.writeTone("drone/x.wav", in: root)
        try CollectionFixture.writeTone("drone/live/y.aiff", in: root)
        try CollectionFixture.writeTone("Field Recording/n.wav", in: root)
        try CollectionFixture.writeTone("Field Recording/.hidden.wav", in: root)
        try CollectionFixture.writeTone(".cache/z.wav", in: root)
        _ = try write("notes", to: "Field Recording/readme.txt")
        _ = try write("not audio at all", to: "Field Recording/broken.wav")
    }

    func testFolderPerLabelTakesAnyLabelNamesAndReportsBrokenFiles() throws {
        try writeFolders()
        let collection = try LabelledCollection(detecting: root)
        XCTAssertEqual(collection.source, .folders)
        XCTAssertEqual(collection.genres.map(\.name), ["Field Recording", "ambient", "drone"], "name (Unicode) order")
        XCTAssertEqual(collection.tracks.map(\.id.description),
                       ["Field Recording.n", "ambient.a", "ambient.b", "drone.live/y", "drone.x"])
        XCTAssertEqual(collection.tracks.map(\.label), [0, 1, 1, 2, 2])
        XCTAssertEqual(collection.countsPerGenre, [1, 2, 2])
        XCTAssertEqual(collection.skipped.map(\.url.lastPathComponent), ["broken.wav"], "hidden and non-audio files are ignored")
        XCTAssertTrue(collection.report.contains("broken.wav"), collection.report)
        XCTAssertTrue(collection.artists.isEmpty)
        XCTAssertEqual(collection.artistSource, "none")
        XCTAssertNil(collection.officialSplit)
        XCTAssertEqual(collection.images.count, 5, "every track renders its image")
        XCTAssertEqual(collection.contents, "5 tracks of 3 labels (Field Recording 1, ambient 2, drone 2)")
    }

    func testLabelSubsetsKeepAnyNamesAndRejectUnknownOnes() throws {
        try writeFolders()
        let two = try LabelledCollection(folders: root, labels: try Genre.subset(["drone", "ambient"]))
        XCTAssertEqual(two.genres.map(\.name), ["ambient", "drone"])
        XCTAssertEqual(two.tracks.count, 4)
        XCTAssertThrowsError(try LabelledCollection(folders: root, labels: ["jazz"])) { error in
            XCTAssertEqual(error as? GTZANError, .unknownLabel("jazz", collection: root, available: ["Field Recording", "ambient", "drone"]))
            XCTAssertTrue("\(error)".contains("no label 'jazz'"), "\(error)")
        }
    }

    func testAFolderWithoutLabelFoldersIsNoCollection() throws {
        _ = try write("x", to: "empty/readme.txt")
        XCTAssertThrowsError(try LabelledCollection(detecting: root)) { error in
            XCTAssertTrue("\(error)".contains("no <label>/<audio file>"), "\(error)")
        }
    }

    func testCSVWithHeaderArtistsQuotedPathsAndAMissingFile() throws {
        try CollectionFixture.writeTone("audio/one.wav", in: root)
        try CollectionFixture.writeTone("audio/two, live.wav", in: root)
        try CollectionFixture.writeTone("audio/three.flac", in: root)
        let table = try write("""
            label,path,artist
            Synthwave,audio/one.wav,a1
            Synthwave,"audio/two, live.wav",a1
            Lo-fi,audio/three.flac,
            Lo-fi,audio/missing.wav,a2

            """, to: "tracks.csv")
        let collection = try LabelledCollection(detecting: table)
        XCTAssertEqual(collection.source, .table)
        XCTAssertEqual(collection.genres.map(\.name), ["Lo-fi", "Synthwave"])
        XCTAssertEqual(collection.tracks.map(\.id.name), ["audio/three.flac", "audio/one.wav", "audio/two, live.wav"])
        XCTAssertEqual(collection.tracks.map(\.artist), [nil, "a1", "a1"])
        XCTAssertEqual(collection.artists.artists.count, 2)
        XCTAssertTrue(collection.artistSource.contains("artist column of \(table.path)"), collection.artistSource)
        XCTAssertEqual(collection.skipped.map(\.url.lastPathComponent), ["missing.wav"])
    }

    func testCSVWithoutHeaderAndTSV() throws {
        try CollectionFixture.writeTone("a.wav", in: root)
        try CollectionFixture.writeTone("b.wav", in: root)
        let csv = try write("a.wav,calm\n\(root.appendingPathComponent("b.wav").path),busy\n", to: "list.csv")
        let plain = try LabelledCollection(table: csv)
        XCTAssertEqual(plain.genres.map(\.name), ["busy", "calm"])
        XCTAssertTrue(plain.artists.isEmpty)
        XCTAssertEqual(plain.artistSource, "none")
        let tsv = try write("PATH\tLABEL\tARTIST\na.wav\tcalm, slow\tx\nb.wav\tbusy\ty\n", to: "list.tsv")
        let tabbed = try LabelledCollection(detecting: tsv)
        XCTAssertEqual(tabbed.genres.map(\.name), ["busy", "calm, slow"], "a comma is part of a TSV field")
        XCTAssertEqual(tabbed.tracks.compactMap(\.artist), ["y", "x"])
    }

    func testBadTableRowsNameFileAndLine() throws {
        let cases = [
            ("path,label\na.wav,x\nb.wav\n", "line 3: 1 field(s), expected 2 (path,label)"),
            ("a.wav,x,y,z\n", "line 1: 4 field(s), expected path,label[,artist]"),
            ("a.wav,x\nb.wav,\n", "line 2: empty label for b.wav"),
            ("a.wav,x\n,y\n", "line 2: empty path"),
            ("path,label\na.wav,x\n\"multi\nline\",y\na.wav,y\n", "line 5: a.wav is listed again (first on line 2)"),
            ("path,label\n", "no path,label[,artist] row"),
        ]
        for (text, message) in cases {
            let url = try write(text, to: "bad.csv")
            XCTAssertThrowsError(try LabelledCollection(table: url), text) { error in
                XCTAssertEqual("\(error)", "\(url.path): \(message)", text)
            }
        }
    }

    func testOtherFilesAreNoCollection() throws {
        let url = try write("x", to: "notes.txt")
        XCTAssertThrowsError(try LabelledCollection(detecting: url)) { XCTAssertTrue("\($0)".contains(".csv or .tsv"), "\($0)") }
        XCTAssertThrowsError(try LabelledCollection(detecting: root.appendingPathComponent("nothing"))) {
            XCTAssertTrue("\($0)".contains("no such file or folder"), "\($0)")
        }
    }

    func testGTZANCopiesOpenAsBefore() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas)
        let collection = try LabelledCollection(detecting: SyntheticFixture.marsyas)
        XCTAssertEqual(collection.source, .gtzan(.marsyas))
        XCTAssertEqual(collection.tracks.map(\.id), dataset.tracks.map(\.id))
        XCTAssertEqual(collection.tracks.map(\.label), dataset.tracks.map(\.label))
        XCTAssertEqual(collection.genres, dataset.genres)
        XCTAssertEqual(collection.images, dataset.images)
        XCTAssertEqual(collection.contents, dataset.contents)
        XCTAssertEqual(collection.report, dataset.report)
        XCTAssertNotNil(collection.gtzanLayout)
    }
}
