import Plotting
import XCTest

/// Heatmaps: merged runs of equal cells, a colour bar, labels written in the cells.
final class HeatmapTests: XCTestCase {
    func testHeatmapMergesEqualNeighbours() {
        let cells = Heatmap(title: "t", values: [[0, 0, 0, 1]], scale: .sequential(0...1, levels: 2)).svg
        XCTAssertEqual(cells.components(separatedBy: "<rect").count - 1, 4, "background, one merged run, one cell, the colour bar")
    }

    func testCellLabelsAreWhiteOnTheDarkHalfOfTheScale() {
        let svg = Heatmap(title: "t", values: [[0.1, 0.9]], cellLabels: [["few", "many"]], scale: .share).svg
        XCTAssertTrue(svg.contains("fill=\"black\">few</text>") || svg.contains(">few</text>"), svg)
        let many = svg.components(separatedBy: "\n").first { $0.contains(">many</text>") } ?? ""
        XCTAssertTrue(many.contains("white"), many)
        let few = svg.components(separatedBy: "\n").first { $0.contains(">few</text>") } ?? ""
        XCTAssertFalse(few.contains("white"), few)
        XCTAssertTrue(svg.contains(">0.0</text>") && svg.contains(">1.0</text>"), "colour bar ticks 0 … 1")
    }
}
