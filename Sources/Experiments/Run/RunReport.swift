import Foundation
import GTZAN
import NN

/// The text printed at the end of a run.
enum RunReport {
    static func percent(_ value: Double?) -> String {
        value.map { String(format: "%.2f %%", $0 * 100) } ?? "—"
    }

    static func text(_ metrics: RunMetrics, confusion: ConfusionMatrix, directory: URL) -> String {
        var lines = ["", "== \(metrics.run): \(metrics.epochs) epoch(s) in \(String(format: "%.1f", metrics.trainingSeconds)) s, "
                     + "evaluated with \(metrics.evaluatedCheckpoint)",
                     "Protocol: " + (EvaluationProtocol(rawValue: metrics.evaluationProtocol)?.description ?? metrics.evaluationProtocol)
                        + (metrics.protocolNote.map { " — \($0)" } ?? "")]
        if metrics.synthetic { lines.append("   (synthetic dataset: accuracies say nothing about real GTZAN)") }
        lines.append("Validation accuracy: \(percent(metrics.validationAccuracy))"
                     + (metrics.validationFileAccuracy.map { " (file-wise \(percent($0)))" } ?? ""))
        lines.append("Test accuracy: \(percent(metrics.testAccuracy))"
                     + (metrics.testFileAccuracy.map { " segment-wise, \(percent($0)) file-wise" } ?? ""))
        lines.append("Test confusion matrix (rows: true genre, columns: predicted):")
        lines.append(confusion.table)
        lines.append("Report: \(directory.path)")
        return lines.joined(separator: "\n")
    }
}
