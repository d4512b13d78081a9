import Foundation
import GTZAN
import TestSupport
import XCTest

final class ArtistListTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("artists") }
    override func tearDown() { try? FileManager.default.removeItem(at: directory) }

    private func write(_ text: String, _ name: String = "list.txt") throws -> URL {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func testReadsFoldGroupFilesAndPlainListsAndMergesThem() throws {
        let folds = try write("./blues_00000.wav\t0\n./blues_00001.wav\t0\n./metal_00058.wav\t303\n", "f1_train_groups.txt")
        let plain = try write("# track<TAB>artist\nrock.00016\tThe Band\n\nblues.00001 0\n")
        let list = try ArtistList(contentsOf: [folds, plain])
        XCTAssertEqual(list[TrackID(genre: .blues, number: 0)], "0")
        XCTAssertEqual(list[TrackID(genre: .metal, number: 58)], "303")
        XCTAssertEqual(list[TrackID(genre: .rock, number: 16)], "The Band")
        XCTAssertEqual(list.artists.count, 4)
    }

    func testConflictingArtistsNameBothPlaces() throws {
        let first = try write("blues.00000\t1\n", "a.txt")
        let second = try write("blues.00003\t1\nblues.00000\t2\n", "b.txt")
        XCTAssertThrowsError(try ArtistList(contentsOf: [first, second])) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("b.txt") && text.contains("line 2") && text.contains("a.txt line 1"), text)
        }
    }

    func testMalformedLinesAndMissingFilesAreTypedErrors() throws {
        let bad = try write("blues.00000\t1\nnot-a-track\t4\n")
        XCTAssertThrowsError(try ArtistList(contentsOf: [bad])) { error in
            XCTAssertEqual(error as? GTZANError, .malformedFile(bad, reason: "line 2: 'not-a-track\t4' is not '<track><TAB><artist>'"))
        }
        let noArtist = try write("blues.00000\n")
        XCTAssertThrowsError(try ArtistList(contentsOf: [noArtist]))
        let missing = directory.appendingPathComponent("missing.txt")
        XCTAssertThrowsError(try ArtistList(contentsOf: [missing])) { error in
            XCTAssertTrue("\(error)".contains(missing.path), "\(error)")
        }
    }
}
