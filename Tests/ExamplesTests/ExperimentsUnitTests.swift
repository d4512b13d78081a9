import Experiments
import NN
import XCTest

/// The small pieces of the Experiments library: option parsing, batch order, study statistics.
final class ExperimentsUnitTests: XCTestCase {
    func testIntegerListParsesCommaSeparatedValuesAndChecksTheirRange() throws {
        XCTAssertEqual(IntegerList(argument: "1, 3")?.values, [1, 3])
        XCTAssertNil(IntegerList(argument: "1,,3"))
        XCTAssertNil(IntegerList(argument: "one"))
        XCTAssertThrowsError(try IntegerList([1, 6]).checked("--folds", in: 1...5)) { error in
            XCTAssertEqual("\(error)", "--folds: 6 is not in 1...5")
        }
    }

    func testStudyReportTablesMeanAndSampleStandardDeviationPerGroup() {
        let run = { (name: String, test: Double, group: String) in
            RunMetrics(run: name, evaluationProtocol: "track", dataset: "d", synthetic: false, validationAccuracy: nil,
                       testAccuracy: test, validationFileAccuracy: nil, testFileAccuracy: nil, testLoss: 0,
                       perClassRecall: [:], epochs: 3, trainingSeconds: 1, evaluatedCheckpoint: "best.safetensors",
                       parameters: 1, trainableParameters: 1, group: group)
        }
        let report = StudyReport(runs: [run("a", 0.8, "g1"), run("b", 0.9, "g1"), run("c", 0.5, "g2")], histories: [:])
        let markdown = report.markdown
        XCTAssertTrue(markdown.contains("### g1") && markdown.contains("### g2"), markdown)
        XCTAssertTrue(markdown.contains("85.00 ± 7.07 %"), markdown)
        XCTAssertTrue(markdown.contains("50.00 ± 0.00 %"), markdown)
    }
}
