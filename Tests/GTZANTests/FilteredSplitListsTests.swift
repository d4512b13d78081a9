import Foundation
import GTZAN
import TestSupport
import XCTest

final class FilteredSplitListsTests: XCTestCase {
    func testMatchesListedWavNamesToTracksByID() throws {
        let directory = try Fixtures.temporaryDirectory()
        try "blues/blues.00000.wav\nrock/rock.00001.wav\n".write(to: directory.appendingPathComponent("train_filtered.txt"),
                                                                 atomically: true, encoding: .utf8)
        try "blues/blues.00001.wav\n".write(to: directory.appendingPathComponent("valid_filtered.txt"),
                                           atomically: true, encoding: .utf8)
        try "rock/rock.00099.wav\n".write(to: directory.appendingPathComponent("test_filtered.txt"),
                                         atomically: true, encoding: .utf8)
        let lists = try FilteredSplitLists(directory: directory)
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas, genres: [.blues, .rock])
        let split = lists.split(dataset.tracks)
        XCTAssertEqual(split.train.map(\.id.description), ["blues.00000", "rock.00001"])
        XCTAssertEqual(split.validation.map(\.id.description), ["blues.00001"])
        XCTAssertTrue(split.test.isEmpty)
        XCTAssertEqual(lists.unmatched(in: dataset.tracks).map(\.description), ["rock.00099"])
        XCTAssertThrowsError(try dataset.filteredSplit()) { XCTAssertTrue("\($0)".contains("train_filtered.txt")) }
    }

    func testBadLineNamesFileAndLine() throws {
        let directory = try Fixtures.temporaryDirectory()
        for name in ["train_filtered.txt", "valid_filtered.txt", "test_filtered.txt"] {
            try "blues/blues.00000.wav\nnonsense\n".write(to: directory.appendingPathComponent(name),
                                                         atomically: true, encoding: .utf8)
        }
        XCTAssertThrowsError(try FilteredSplitLists(directory: directory)) { error in
            XCTAssertTrue("\(error)".contains("train_filtered.txt: line 2"), "\(error)")
        }
    }

    func testSharedKitListsParse() throws {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        let lists = try FilteredSplitLists(directory: kit.appendingPathComponent("splits"))
        XCTAssertEqual([lists.train.count, lists.validation.count, lists.test.count], [443, 197, 290])
        XCTAssertEqual(Set(lists.all).count, 930)
        let dataset = try GTZANDataset(root: kit)
        let split = try dataset.filteredSplit()
        XCTAssertEqual(split.validation.map(\.genre), [.blues, .classical, .country, .disco, .metal])
        XCTAssertEqual(split.test.map(\.genre), [.hiphop, .pop])
        XCTAssertEqual(split.train.map(\.genre), [.jazz, .reggae, .rock])
        XCTAssertNoThrow(try split.checkNoTrackLeakage())
    }
}
