import Foundation
import NN
import TestSupport
import XCTest

/// MultiLabelMetrics against scikit-learn 1.9 (Tests/Fixtures/NN/multilabel_metrics.json, made by
/// `scripts/fixtures/nn.py multilabel_metrics`; scores rounded to tenths so ranks tie).
final class MultiLabelMetricsTests: XCTestCase {
    private struct Reference: Decodable {
        var scores: [Float], targets: [Float], label_count: Int, threshold: Float
        var precision_per_label: [Double], recall_per_label: [Double], roc_auc_per_label: [Double]
        var precision_micro: [Double], recall_micro: [Double], roc_auc_micro: [Double]
        var precision_macro: [Double], recall_macro: [Double], roc_auc_macro: [Double]
    }

    func testMatchesScikitLearn() throws {
        let r = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: Fixtures.url("NN/multilabel_metrics.json")))
        let m = try MultiLabelMetrics(scores: r.scores, targets: r.targets, labelCount: r.label_count, threshold: r.threshold)
        let tolerance = 1e-12
        for (ours, theirs) in [(m.precision, r.precision_per_label), (m.recall, r.recall_per_label), (m.rocAUC, r.roc_auc_per_label),
                               ([m.microPrecision, m.microRecall, m.microROCAUC], r.precision_micro + r.recall_micro + r.roc_auc_micro),
                               ([m.macroPrecision, m.macroRecall, m.macroROCAUC], r.precision_macro + r.recall_macro + r.roc_auc_macro)] {
            XCTAssertEqual(ours.count, theirs.count)
            for (a, b) in zip(ours, theirs) { XCTAssertEqual(a, b, accuracy: tolerance) }
        }
    }

    func testUndefinedROCAUCIsLeftOutOfTheMacroMean() throws {
        // Label 1 has only negative targets: its ROC-AUC is undefined, and it predicts nothing (precision 0).
        let m = try MultiLabelMetrics(scores: [0.9, 0.1, 0.2, 0.3, 0.8, 0.2], targets: [1, 0, 0, 0, 1, 0], labelCount: 2)
        XCTAssertTrue(m.rocAUC[1].isNaN)
        XCTAssertEqual(m.rocAUC[0], 1)
        XCTAssertEqual(m.macroROCAUC, 1)
        XCTAssertEqual(m.precision, [1, 0])
        XCTAssertEqual(m.recall, [1, 0])
    }

    func testBadInputThrows() {
        XCTAssertThrowsError(try MultiLabelMetrics(scores: [0.1, 0.2, 0.3], targets: [0, 1, 0], labelCount: 2))
        XCTAssertThrowsError(try MultiLabelMetrics(scores: [0.1, 0.2], targets: [0, 0.5], labelCount: 2))
        XCTAssertThrowsError(try MultiLabelMetrics(scores: [], targets: [], labelCount: 2))
    }
}
