import NN
import XCTest

/// Round ticks, single-point series and colour bars in the report figures.
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

    func testASinglePointSeriesIsDrawnAsAPoint() {
        let chart = LineChart(title: "loss", xLabel: "epoch", yLabel: "loss",
                              series: [.init(name: "train", values: [0.75], color: "#1f77b4")])
        XCTAssertTrue(chart.svg.contains("<circle"), "a one-epoch history must show its point")
        XCTAssertTrue(chart.svg.contains(">0.4</text>"), "round ticks")
        XCTAssertFalse(chart.svg.contains(">0.475</text>"), "not quarters of the padded range")
        XCTAssertFalse(chart.svg.contains(">2</text>"), "one epoch has one x tick")
    }

    func testConfusionFigureHasAColourBar() throws {
        let matrix = try ConfusionMatrix(classNames: ["a", "b"], predictions: [0, 1, 1], targets: [0, 1, 0])
        let svg = matrix.svg()
        XCTAssertTrue(svg.contains(">0.0</text>") && svg.contains(">0.6</text>") && svg.contains(">1.0</text>"),
                      "colour bar ticks 0 … 1")
    }
}
