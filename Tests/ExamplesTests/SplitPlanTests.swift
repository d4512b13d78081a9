import Experiments
import GTZAN
import TestSupport
import XCTest

/// Split plans on real track lists: the filtered lists of the shared kit, and K-fold's fold bounds.
final class SplitPlanTests: XCTestCase {
    private func kitDataset() throws -> LabelledCollection {
        guard let kit = Fixtures.sharedKit else { throw XCTSkip("shared GTZAN kit not present") }
        return try LabelledCollection(gtzan: try GTZANDataset(root: kit))
    }

    func testFilteredListsPutEveryKitTrackOnItsListedSide() throws {
        let dataset = try kitDataset()
        let lists = try FilteredSplitLists(directory: try XCTUnwrap(dataset.gtzanLayout?.splitListsDirectory))
        let split = try SplitPlan.filteredLists(fallback: .ratio(train: 0.5, validation: 0.2, test: 0.3))
            .apply(dataset.tracks, dataset: dataset, fold: nil, grouping: .byTrack).split
        XCTAssertEqual(split.train.count + split.validation.count + split.test.count,
                       dataset.tracks.filter { lists.all.contains($0.id) }.count)
        XCTAssertTrue(split.test.allSatisfy { lists.test.contains($0.id) })
        XCTAssertTrue(split.train.allSatisfy { lists.train.contains($0.id) })
        XCTAssertEqual(split.evaluationProtocol, .track)
    }

    func testSegmentRequestsIgnoreTheTrackListsAndUseTheFallback() throws {
        let dataset = try kitDataset()
        let segments = Segmentation.threeSeconds.segments(of: dataset.tracks)
        let split = try SplitPlan.filteredLists(fallback: .ratio(train: 0.5, validation: 0.2, test: 0.3))
            .apply(segments, dataset: dataset, fold: nil, grouping: .bySegment).split
        XCTAssertEqual(split.evaluationProtocol, .segment)
        XCTAssertFalse(split.leakingTrackIDs().isEmpty, "segments of one track land on several sides")
    }

    func testFoldOutOfRangeNamesTheOption() throws {
        let dataset = try kitDataset()
        XCTAssertThrowsError(try SplitPlan.kFold(folds: 5, seed: 1).apply(dataset.tracks, dataset: dataset, fold: 5,
                                                                            grouping: .byTrack)) { error in
            XCTAssertTrue("\(error)".contains("--folds"), "\(error)")
        }
    }
}
