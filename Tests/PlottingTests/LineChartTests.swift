import Plotting
import XCTest

/// Training curves: round ticks, and a one-epoch history drawn as a point.
final class LineChartTests: XCTestCase {
    func testASinglePointSeriesIsDrawnAsAPoint() {
        let chart = LineChart(title: "loss", xLabel: "epoch", yLabel: "loss",
                              series: [.init(name: "train", values: [0.75], color: "#1f77b4")])
        XCTAssertTrue(chart.svg.contains("<circle"), "a one-epoch history must show its point")
        XCTAssertTrue(chart.svg.contains(">0.4</text>"), "round ticks")
        XCTAssertFalse(chart.svg.contains(">0.475</text>"), "not quarters of the padded range")
        XCTAssertFalse(chart.svg.contains(">2</text>"), "one epoch has one x tick")
    }
}
