import GTZAN
import XCTest

final class StratifiedSplitterTests: XCTestCase {
    /// 3 genres × 10 tracks × 4 segments, as plain items.
    struct Item: TrackItem, Equatable, Sendable {
        let trackID: TrackID
        let label: Int
        let segment: Int
    }

    let genres: [Genre] = [.blues, .metal, .pop]
    var tracks: [Item] {
        genres.enumerated().flatMap { label, genre in
            (0..<10).map { Item(trackID: TrackID(genre: genre, number: $0), label: label, segment: 0) }
        }
    }
    var segments: [Item] {
        tracks.flatMap { track in (0..<4).map { Item(trackID: track.trackID, label: track.label, segment: $0) } }
    }

    func testKFoldIsStratifiedCoveringAndDisjoint() throws {
        let folds = try StratifiedSplitter(seed: 123_456_789).kFold(tracks, folds: 5)
        XCTAssertEqual(folds.count, 5)
        for fold in folds {
            XCTAssertEqual(fold.test.count, 6)
            XCTAssertEqual(fold.train.count, 24)
            for label in 0..<3 { XCTAssertEqual(fold.test.filter { $0.label == label }.count, 2) }
            XCTAssertNoThrow(try fold.checkNoTrackLeakage())
        }
        let tested = folds.flatMap(\.test).map(\.trackID)
        XCTAssertEqual(tested.sorted(), tracks.map(\.trackID).sorted())
    }

    func testKFoldIsReproducibleAndSeedDependent() throws {
        let first = try StratifiedSplitter(seed: 1).kFold(tracks).map { $0.test.map(\.trackID) }
        XCTAssertEqual(first, try StratifiedSplitter(seed: 1).kFold(tracks.reversed()).map { $0.test.map(\.trackID).sorted() }
                        .map { ids in first.first { $0.sorted() == ids }! })
        XCTAssertEqual(first, try StratifiedSplitter(seed: 1).kFold(tracks).map { $0.test.map(\.trackID) })
        XCTAssertNotEqual(first, try StratifiedSplitter(seed: 2).kFold(tracks).map { $0.test.map(\.trackID) })
    }

    func testTrackSegmentSplitKeepsTracksTogether() throws {
        let split = try StratifiedSplitter(seed: 9).split(segments, train: 0.6, validation: 0.2, test: 0.2)
        XCTAssertEqual([split.train.count, split.validation.count, split.test.count], [72, 24, 24])
        XCTAssertTrue(split.leakingTrackIDs().isEmpty)
        XCTAssertEqual(split.evaluationProtocol, .track)
    }

    func testSegmentSplitLeaksAndTheCheckNamesTracks() throws {
        let split = try StratifiedSplitter(seed: 9, grouping: .bySegment)
            .split(segments, train: 0.8, validation: 0, test: 0.2)
        XCTAssertEqual(split.test.count, 24)
        let leaking = split.leakingTrackIDs()
        XCTAssertFalse(leaking.isEmpty)
        XCTAssertThrowsError(try split.checkNoTrackLeakage()) { error in
            XCTAssertEqual(error as? GTZANError, .trackLeakage(trackIDs: leaking.map(\.description)))
        }
        XCTAssertTrue(split.summary.contains("segment"))
    }

    func testHoldingOutValidationKeepsTracksTogether() throws {
        let fold = try StratifiedSplitter(seed: 3).kFold(segments, folds: 5)[0]
        let split = try fold.holdingOutValidation(fraction: 0.25, seed: 3, grouping: .byTrack)
        XCTAssertEqual(split.validation.count, 24)
        XCTAssertEqual(split.train.count, 72)
        XCTAssertNoThrow(try split.checkNoTrackLeakage())
    }

    func testRejectsBadParameters() {
        let splitter = StratifiedSplitter(seed: 0)
        XCTAssertThrowsError(try splitter.kFold(tracks, folds: 1))
        XCTAssertThrowsError(try splitter.kFold(Array(tracks.prefix(3)), folds: 5))
        XCTAssertThrowsError(try splitter.split(tracks, train: 0.9, validation: 0.2, test: 0))
    }
}
