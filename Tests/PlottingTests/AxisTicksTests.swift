import Plotting
import XCTest

/// Round 1-2-5 ticks, for real-valued and integer axes.
final class AxisTicksTests: XCTestCase {
    func testTicksAreRoundMultiplesInsideTheRange() {
        XCTAssertEqual(AxisTicks(covering: 0.056...0.614).values.map { ($0 * 10).rounded() / 10 }, [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        XCTAssertEqual(AxisTicks(covering: 0.056...0.614).step, 0.1, accuracy: 1e-12)
        XCTAssertEqual(AxisTicks(covering: 0...4920).values, [0, 1000, 2000, 3000, 4000])
        XCTAssertEqual(AxisTicks(covering: -1...1).values, [-1, -0.5, 0, 0.5, 1])
        let ticks = AxisTicks(covering: 0.056...0.614)
        XCTAssertEqual(ticks.values.map(ticks.label), ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6"])
        XCTAssertEqual(AxisTicks(covering: 0...4920).label(3000), "3000")
    }

    func testDegenerateRangesGiveOneTick() {
        XCTAssertEqual(AxisTicks(covering: 2...2).values, [2])
        XCTAssertEqual(AxisTicks.integers(covering: 1...1), [1])
        XCTAssertEqual(AxisTicks.integers(covering: 1...50), [10, 20, 30, 40, 50])
        XCTAssertEqual(AxisTicks.integers(covering: 1...3), [1, 2, 3])
    }

    /// The first integer tick is the ceiling of the lower bound also below zero (-7 → -5, not 0).
    func testIntegerTicksBelowZeroStartInsideTheRange() {
        XCTAssertEqual(AxisTicks.integers(covering: -7...12), [-5, 0, 5, 10])
        XCTAssertEqual(AxisTicks.integers(covering: -20 ... -3), [-20, -15, -10, -5])
    }

}
