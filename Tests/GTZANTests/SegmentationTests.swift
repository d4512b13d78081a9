import GTZAN
import XCTest

final class SegmentationTests: XCTestCase {
    let track = Track(id: TrackID(genre: .disco, number: 4), label: 3, url: URL(fileURLWithPath: "/x/disco.00004.wav"),
                      frames: 661_794, sampleRate: 22050)

    func testGTZANSegmentCounts() throws {
        XCTAssertEqual(Segmentation.threeSecondsHalfOverlap.segments(of: track).count, 19)
        XCTAssertEqual(Segmentation.threeSeconds.segments(of: track).count, 10)
        XCTAssertEqual(try Segmentation(seconds: 5).segments(of: track).count, 6)
        XCTAssertEqual(try Segmentation(seconds: 4, overlap: 0.5).segments(of: track).count, 14)
    }

    func testSegmentsRememberTheirTrackAndPosition() {
        let segments = Segmentation.threeSecondsHalfOverlap.segments(of: track)
        XCTAssertEqual(segments[2].start, 2 * 33_075)
        XCTAssertEqual(segments[2].length, 66_150)
        XCTAssertTrue(segments.allSatisfy { $0.trackID == track.id && $0.label == 3 })
        XCTAssertEqual(segments.map(\.index), Array(0..<19))
        XCTAssertLessThanOrEqual(segments.last!.start + segments.last!.length, track.frames)
    }

    func testRangesOfAnySignal() {
        XCTAssertEqual(Segmentation.threeSecondsHalfOverlap.ranges(frames: 66150 + 33075), [0..<66150, 33075..<99225])
        XCTAssertEqual(Segmentation.threeSeconds.ranges(frames: 66149), [])
    }

    func testResampledTracksAreCountedAtTheSegmentationRate() {
        let track44 = Track(id: track.id, label: 3, url: track.url, frames: 1_323_000, sampleRate: 44100)
        XCTAssertEqual(track44.frames(atRate: 22050), 661_500)
        XCTAssertEqual(Segmentation.threeSeconds.segments(of: track44).count, 10)
    }

    func testShortTrackHasNoSegmentAndBadParametersThrow() throws {
        let short = Track(id: track.id, label: 3, url: track.url, frames: 1000, sampleRate: 22050)
        XCTAssertTrue(Segmentation.threeSeconds.segments(of: short).isEmpty)
        XCTAssertThrowsError(try Segmentation(seconds: 0))
        XCTAssertThrowsError(try Segmentation(seconds: 3, overlap: 1))
    }
}
