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

    func testTensorBatchesVisitEverySampleOncePerEpochInASeededOrder() throws {
        let values = (0..<10).map(Float.init)
        let source = try TensorBatches(values: values, sampleShape: [1], labels: Array(0..<10),
                                       trackIDs: (0..<10).map(String.init), batchSize: 4, shuffle: true, seed: 7)
        let epoch = { (index: Int) in source.batches(epoch: index, limit: nil).flatMap(\.labels) }
        XCTAssertEqual(epoch(0).sorted(), Array(0..<10))
        XCTAssertEqual(epoch(0), epoch(0))
        XCTAssertNotEqual(epoch(0), epoch(1))
        let first = try XCTUnwrap(source.batches(epoch: 1, limit: 1).first { _ in true })
        XCTAssertEqual(first.input.scalars, first.labels.map(Float.init), "inputs follow their labels")
        XCTAssertEqual(first.labels, Array(epoch(1).prefix(4)))
        XCTAssertEqual(source.batches(epoch: 0, limit: 2).count, 2)
    }

    func testTensorBatchesRejectMismatchedSamples() {
        XCTAssertThrowsError(try TensorBatches(values: [1, 2, 3], sampleShape: [2], labels: [0, 1], trackIDs: ["a", "b"],
                                               batchSize: 1, shuffle: false, seed: 0))
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
