import DSP
import GTZAN
import TestSupport
import XCTest

/// Inputs against torchaudio 2.11.0 / librosa 0.11.0 (scripts/fixtures/gtzan.py) on a 3 s test segment.
final class FeatureExtractorTests: XCTestCase {
    func input(_ representation: InputRepresentation) throws -> Matrix {
        try FeatureExtractor(representation)(try NPYArray.fixture("GTZAN/segment.npy").values)
    }

    func testPowerSpectrogramMatchesTorchaudio() throws {
        let expected = try NPYArray.fixture("GTZAN/power_1024_512.npy")
        let actual = try input(.powerSpectrogram())
        XCTAssertEqual([actual.rows, actual.columns], [512, 130])
        XCTAssertEqual(expected.shape, [512, 130])
        assertClose(actual.values, expected.values, rtol: 1e-4, relativeToMax: true)
    }

    func testMelDecibelsMatchLibrosa() throws {
        let actual = try input(.melDecibels())
        XCTAssertEqual([actual.rows, actual.columns], [128, 130])
        assertClose(actual.values, try NPYArray.fixture("GTZAN/mel128_db.npy").values, atol: 2e-3)
    }

    func testMFCCIsTimeMajorAndMatchesLibrosa() throws {
        let actual = try input(.mfcc(count: 13))
        XCTAssertEqual([actual.rows, actual.columns], [130, 13])
        assertClose(actual.values, try NPYArray.fixture("GTZAN/mfcc13_T.npy").values, atol: 5e-3)
    }

    func testShapesForEveryRepresentation() throws {
        for (representation, shape) in [(InputRepresentation.powerSpectrogram(), [512, 130]), (.melDecibels(), [128, 130]),
                                         (.mfcc(count: 20), [130, 20]), (.chroma(), [12, 130])] {
            let actual = try input(representation)
            XCTAssertEqual([actual.rows, actual.columns], shape, "\(representation)")
            let predicted = representation.shape(samples: 66150)
            XCTAssertEqual([predicted.rows, predicted.columns], shape, "\(representation)")
        }
    }

    func testRejectsBadParameters() {
        XCTAssertThrowsError(try FeatureExtractor(.powerSpectrogram(bins: 600))) { XCTAssertTrue("\($0)".contains("bins")) }
        XCTAssertThrowsError(try FeatureExtractor(.mfcc(count: 0)))
        XCTAssertThrowsError(try FeatureExtractor(.melDecibels(nFFT: 0)))
    }
}
