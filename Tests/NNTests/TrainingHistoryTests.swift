import Foundation
import NN
import TestSupport
import XCTest

final class TrainingHistoryTests: XCTestCase {
    private func history() -> TrainingHistory {
        var history = TrainingHistory()
        history.append(["loss": 2.5, "accuracy": 0.25, "val_loss": 2.0, "val_accuracy": 0.5, "lr": 0.001])
        history.append(["loss": 1.5, "accuracy": 0.5, "val_loss": 1.75, "val_accuracy": 0.625, "lr": 0.001])
        return history
    }

    func testCSVHasKerasColumns() {
        XCTAssertEqual(history().csv, """
            epoch,accuracy,loss,lr,val_accuracy,val_loss
            0,0.25,2.5,0.001,0.5,2.0
            1,0.5,1.5,0.001,0.625,1.75

            """)
    }

    func testJSONMatchesKerasHistoryShape() throws {
        let decoded = try JSONSerialization.jsonObject(with: Data(history().json.utf8)) as? [String: [Double]]
        XCTAssertEqual(decoded?["val_loss"], [2.0, 1.75])
        XCTAssertEqual(decoded?.keys.sorted(), ["accuracy", "loss", "lr", "val_accuracy", "val_loss"])
    }

    func testCurvesAreWellFormedSVGWithBothSeries() throws {
        let svg = history().curvesSVG()
        try assertWellFormedXML(svg)
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 4, "loss and accuracy, training and validation")
    }

    func testWriteCreatesTheReportFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        try history().write(to: directory)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        XCTAssertEqual(files, ["curves.svg", "history.csv", "history.json"])
    }
}
