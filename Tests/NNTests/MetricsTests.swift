import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import NN
import TestSupport
import XCTest

final class MetricsTests: XCTestCase {
    func testConfusionMatrixScoresMatchHandComputedValues() throws {
        // targets:     0 0 0 1 1 2 2 2 2
        // predictions: 0 0 1 1 2 2 2 0 2
        let matrix = try ConfusionMatrix(classNames: ["blues", "jazz", "rock"], predictions: [0, 0, 1, 1, 2, 2, 2, 0, 2],
                                         targets: [0, 0, 0, 1, 1, 2, 2, 2, 2])
        XCTAssertEqual(matrix.counts, [[2, 1, 0], [0, 1, 1], [1, 0, 3]])
        XCTAssertEqual(matrix.accuracy, 6.0 / 9.0, accuracy: 1e-12)
        XCTAssertEqual(matrix.support, [3, 2, 4])
        assertClose(matrix.precision.map(Float.init), [2.0 / 3, 0.5, 0.75], rtol: 1e-6)
        assertClose(matrix.recall.map(Float.init), [2.0 / 3, 0.5, 0.75], rtol: 1e-6)
        assertClose(matrix.f1.map(Float.init), [2.0 / 3, 0.5, 0.75], rtol: 1e-6)
        XCTAssertTrue(matrix.table.contains("rock"))
        XCTAssertTrue(matrix.table.contains("0.6667"))
        let rows = matrix.table.split(separator: "\n").dropLast()
        XCTAssertEqual(Set(rows.map(\.count)).count, 1, "columns misaligned:\n\(matrix.table)")
        XCTAssertThrowsError(try ConfusionMatrix(classNames: ["a"], predictions: [1], targets: [0]))
    }

    func testConfusionTableSeparatesAndAlignsEveryColumn() throws {
        let names = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
        let targets = (0..<1200).map { $0 % 10 }
        let matrix = try ConfusionMatrix(classNames: names, predictions: targets.map { $0 == 1 ? 1 : 0 }, targets: targets)
        let lines = matrix.table.split(separator: "\n").dropLast().map(String.init)
        let header = lines[0]
        XCTAssertTrue(header.contains(" 9 precision "), header)
        XCTAssertTrue(lines[2].hasPrefix("1 classical "), lines[2])
        // Every column ends where its header ends: a space before each column in every row.
        let ends = header.indices.filter { header[$0] != " " && (header.index(after: $0) == header.endIndex
                                                                 || header[header.index(after: $0)] == " ") }
        for line in lines.dropFirst() {
            XCTAssertEqual(line.count, header.count, line)
            for end in ends.dropFirst() {
                let offset = header.distance(from: header.startIndex, to: end)
                XCTAssertNotEqual(Array(line)[offset], " ", "column ending at \(offset) misaligned in '\(line)'")
            }
        }
    }

    func testUndefinedPrecisionIsZeroLikeScikitLearn() throws {
        let matrix = try ConfusionMatrix(classNames: ["a", "b"], predictions: [0, 0], targets: [0, 1])
        XCTAssertEqual(matrix.precision, [0.5, 0])
        XCTAssertEqual(matrix.recall, [1, 0])
        XCTAssertEqual(matrix.f1[1], 0)
    }

    func testConfusionSVGIsWellFormedAndLabelled() throws {
        let matrix = try ConfusionMatrix(classNames: ["blues", "r&b"], predictions: [0, 1, 1], targets: [0, 1, 0])
        let svg = matrix.svg()
        try assertWellFormedXML(svg)
        XCTAssertTrue(svg.contains("r&amp;b"))
        XCTAssertEqual(svg.components(separatedBy: ">1</text>").count - 1, 3, "the counts 1, 1, 1 in their cells")
        XCTAssertEqual(svg.components(separatedBy: ">0</text>").count - 1, 1, "and the one 0")
        XCTAssertTrue(svg.contains(">0.0</text>") && svg.contains(">0.6</text>") && svg.contains(">1.0</text>"),
                      "colour bar ticks 0 … 1")
    }

    func testAccuracyAndTopK() throws {
        let scores = try ClassScores(values: [0.1, 0.7, 0.2,
                                              0.5, 0.1, 0.4,
                                              0.3, 0.3, 0.4], classCount: 3)
        XCTAssertEqual(scores.predictedClasses, [1, 0, 2])
        XCTAssertEqual(try Accuracy.of(scores, targets: [1, 2, 0]), 1.0 / 3.0, accuracy: 1e-12)
        XCTAssertEqual(try Accuracy.topK(scores, targets: [1, 2, 0], k: 2), 1.0, accuracy: 1e-12)
        XCTAssertEqual(scores.topClasses(2, k: 3), [2, 0, 1], "ties keep the lower index first")
        XCTAssertThrowsError(try ClassScores(values: [1, 2, 3], classCount: 2))
        XCTAssertThrowsError(try Accuracy.of(scores, targets: [1]))
    }

    func testProbabilitiesAreRowSoftmaxes() throws {
        let logits = try ClassScores(values: [0, log(3), 0,
                                              1000, 1000, 0], classCount: 3)
        assertClose(logits.probabilities.values, [0.2, 0.6, 0.2, 0.5, 0.5, 0], rtol: 1e-6, atol: 1e-7)
    }

    func testFileAggregationAveragesSegmentProbabilities() throws {
        let segments = try ClassScores(values: [0.6, 0.4,
                                                0.1, 0.9,
                                                0.2, 0.8,
                                                0.7, 0.3], classCount: 2)
        let files = try FileAggregation(segmentProbabilities: segments, fileIDs: ["a", "b", "a", "b"],
                                        targets: [1, 0, 1, 0])
        XCTAssertEqual(files.fileIDs, ["a", "b"])
        assertClose(files.probabilities.values, [0.4, 0.6, 0.4, 0.6], rtol: 1e-6)
        XCTAssertEqual(files.targets, [1, 0])
        XCTAssertEqual(try files.accuracy, 0.5)
        XCTAssertThrowsError(try FileAggregation(segmentProbabilities: segments, fileIDs: ["a", "a", "b", "b"],
                                                 targets: [0, 1, 0, 0]))
    }
}

/// Parses `text` as XML and fails on any syntax error.
func assertWellFormedXML(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws {
    let parser = XMLParser(data: Data(text.utf8))
    XCTAssertTrue(parser.parse(), "not well-formed: \(String(describing: parser.parserError))", file: file, line: line)
}

final class ClassificationReportTests: XCTestCase {
    func testJSONCarriesPerClassScoresAndConfusion() throws {
        let matrix = try ConfusionMatrix(classNames: ["blues", "rock"], predictions: [0, 1, 1, 1], targets: [0, 0, 1, 1])
        let report = ClassificationReport(matrix)
        let decoded = try JSONDecoder().decode(ClassificationReport.self, from: Data(report.json.utf8))
        XCTAssertEqual(decoded, report)
        XCTAssertEqual(report.accuracy, 0.75)
        XCTAssertEqual(report.classes[0], .init(name: "blues", precision: 1, recall: 0.5, f1: 2.0 / 3.0, support: 2))
        XCTAssertEqual(report.confusion, [[1, 1], [0, 2]])
    }
}
