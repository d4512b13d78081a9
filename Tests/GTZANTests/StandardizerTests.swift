import GTZAN
import XCTest

final class StandardizerTests: XCTestCase {
    func testMatchesStandardScalerWithPopulationStd() throws {
        let rows: [[Float]] = [[1, 10, 5], [3, 20, 5], [5, 60, 5]]
        let standardizer = try Standardizer(fitting: rows)
        XCTAssertEqual(standardizer.mean, [3, 30, 5])
        XCTAssertEqual(standardizer.scale[0], (8.0 / 3).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(standardizer.scale[2], 1, "constant features keep scale 1")
        let transformed = try standardizer.transform([5, 30, 5])
        XCTAssertEqual(transformed[0], 2 / (8.0 / 3).squareRoot(), accuracy: 1e-6)
        XCTAssertEqual(transformed[1], 0)
        XCTAssertEqual(transformed[2], 0)
    }

    func testFitsOnTrainingRowsOnly() throws {
        let train = [FeatureRow(trackID: TrackID(genre: .pop, number: 0), segment: nil, label: 0, values: [0]),
                     FeatureRow(trackID: TrackID(genre: .pop, number: 1), segment: nil, label: 0, values: [2])]
        let test = [FeatureRow(trackID: TrackID(genre: .pop, number: 2), segment: nil, label: 0, values: [100])]
        let standardizer = try Standardizer(fitting: train)
        XCTAssertEqual(try standardizer.transform(test)[0].values, [99])
    }

    func testRejectsBadInput() throws {
        XCTAssertThrowsError(try Standardizer(fitting: [[Float]]()))
        XCTAssertThrowsError(try Standardizer(fitting: [[1, 2], [1]]))
        XCTAssertThrowsError(try Standardizer(fitting: [[1, 2]]).transform([1, 2, 3])) { error in
            XCTAssertTrue("\(error)".contains("3 features"))
        }
    }
}
