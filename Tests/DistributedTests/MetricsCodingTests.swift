@testable import Distributed
import XCTest

/// The bytes rank 0 broadcasts its epoch metrics as.
final class MetricsCodingTests: XCTestCase {
    func testRoundTripKeepsEveryValueIncludingNaNAndInfinity() throws {
        let metrics = ["loss": 0.1 + 0.2, "val_loss": .infinity, "val_accuracy": -0.0, "lr": 1e-300, "odd name é": 42]
        let decoded = try MetricsCoding.decode(MetricsCoding.encode(metrics))
        XCTAssertEqual(decoded, metrics)
        XCTAssertEqual(try MetricsCoding.decode(MetricsCoding.encode(["x": .nan]))["x"]?.isNaN, true)
        XCTAssertEqual(try MetricsCoding.decode([]), [:])
    }

    func testTruncatedBytesAreAnError() {
        let bytes = MetricsCoding.encode(["loss": 1])
        XCTAssertThrowsError(try MetricsCoding.decode(Array(bytes.dropLast())))
        XCTAssertThrowsError(try MetricsCoding.decode(Array("loss".utf8)))
    }
}
