import Foundation
import GTZAN
import XCTest

final class FileWiseAggregationTests: XCTestCase {
    func testAveragesSegmentProbabilitiesPerTrack() throws {
        let track = Track(id: TrackID(genre: .jazz, number: 1), label: 1, url: URL(fileURLWithPath: "/j.wav"),
                          frames: 22050 * 3, sampleRate: 22050)
        let other = Track(id: TrackID(genre: .blues, number: 0), label: 0, url: URL(fileURLWithPath: "/b.wav"),
                          frames: 22050 * 3, sampleRate: 22050)
        let segments = try Segmentation(seconds: 1).segments(of: [track, other])
        // Jazz: one confident wrong segment, two mildly right ones → mean favours class 1.
        let probabilities: [[Float]] = [[0.9, 0.1], [0.3, 0.7], [0.2, 0.8], [0.4, 0.6], [0.4, 0.6], [0.4, 0.6]]
        let aggregation = try FileWiseAggregation(items: segments, probabilities: probabilities)
        XCTAssertEqual(aggregation.predictions.map(\.trackID.description), ["blues.00000", "jazz.00001"])
        XCTAssertEqual(aggregation.predictions.map(\.predicted), [1, 1])
        XCTAssertEqual(aggregation.predictions[1].probabilities[1], (0.1 + 0.7 + 0.8) / 3, accuracy: 1e-6)
        XCTAssertEqual(aggregation.predictions[1].segmentCount, 3)
        XCTAssertEqual(aggregation.accuracy, 0.5)
        XCTAssertThrowsError(try FileWiseAggregation(items: segments, probabilities: [[1]]))
    }
}
