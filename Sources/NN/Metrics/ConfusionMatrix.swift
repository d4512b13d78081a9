import Foundation
import Plotting

/// Counts of (true class, predicted class) pairs, with per-class precision, recall and F1
/// (scikit-learn's `confusion_matrix` and `precision_recall_fscore_support`, zero where undefined).
public struct ConfusionMatrix: Equatable, Sendable {
    /// The class names, indexed by label.
    public let classNames: [String]
    /// `counts[true][predicted]`.
    public private(set) var counts: [[Int]]

    /// An empty matrix over `classNames`.
    public init(classNames: [String]) {
        self.classNames = classNames
        counts = Array(repeating: Array(repeating: 0, count: classNames.count), count: classNames.count)
    }

    /// Counts `predictions` against `targets`.
    public init(classNames: [String], predictions: [Int], targets: [Int]) throws {
        self.init(classNames: classNames)
        guard predictions.count == targets.count else {
            throw MetricError.shape("\(predictions.count) predictions for \(targets.count) targets")
        }
        for (predicted, target) in zip(predictions, targets) { try add(target: target, predicted: predicted) }
    }

    /// Counts one sample.
    public mutating func add(target: Int, predicted: Int) throws {
        for label in [target, predicted] where !counts.indices.contains(label) {
            throw MetricError.labelOutOfRange(label: label, classCount: classNames.count)
        }
        counts[target][predicted] += 1
    }

    /// Number of samples counted.
    public var total: Int { counts.joined().reduce(0, +) }
    /// Fraction on the diagonal.
    public var accuracy: Double {
        total == 0 ? 0 : Double(counts.indices.map { counts[$0][$0] }.reduce(0, +)) / Double(total)
    }
    /// Samples per true class.
    public var support: [Int] { counts.map { $0.reduce(0, +) } }
    /// Per class: correct / predicted as that class.
    public var precision: [Double] {
        counts.indices.map { c in ratio(counts[c][c], counts.map { $0[c] }.reduce(0, +)) }
    }
    /// Per class: correct / true members of that class.
    public var recall: [Double] { counts.indices.map { ratio(counts[$0][$0], support[$0]) } }
    /// Per class: harmonic mean of precision and recall.
    public var f1: [Double] {
        zip(precision, recall).map { p, r in p + r == 0 ? 0 : 2 * p * r / (p + r) }
    }

    /// A text table: one row per true class (`<label> <name>`, left-aligned), one column per predicted class (its
    /// label), then precision, recall, F1 and support; every column right-aligned and separated by a space.
    public var table: String {
        let labels = classNames.enumerated().map { "\($0.offset) \($0.element)" }
        let labelWidth = max("true\\pred".count, labels.map(\.count).max() ?? 0)
        let cellWidth = max(3, String(max(0, classNames.count - 1)).count, String(counts.joined().max() ?? 0).count)
        let scoreNames = ["precision", "recall", "f1", "support"]
        let scoreWidth = scoreNames.map(\.count).max()!
        func left(_ text: String) -> String { text + String(repeating: " ", count: max(0, labelWidth - text.count)) }
        func right(_ text: String, _ width: Int) -> String { " " + String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines = [left("true\\pred") + counts.indices.map { right(String($0), cellWidth) }.joined()
                     + scoreNames.map { right($0, scoreWidth) }.joined()]
        let (p, r, f) = (precision, recall, f1)
        for (row, label) in labels.enumerated() {
            let cells = counts[row].map { right(String($0), cellWidth) }.joined()
            let scores = [p[row], r[row], f[row]].map { right(String(format: "%.3f", $0), scoreWidth) }.joined()
            lines.append(left(label) + cells + scores + right(String(support[row]), scoreWidth))
        }
        lines.append("accuracy \(String(format: "%.4f", accuracy)) over \(total) samples")
        return lines.joined(separator: "\n")
    }

    /// An SVG heatmap, rows normalised to recall (as seaborn's confusion figures), with counts in the cells and
    /// a colour bar of that share on the right.
    public func svg(title: String = "Confusion matrix") -> String {
        let shares = counts.map { row in row.map { Double($0) / Double(max(1, row.reduce(0, +))) } }
        let side = Double(classNames.count) * 44 + 150
        return Heatmap(title: title, values: shares, rowLabels: classNames, columnLabels: classNames,
                       cellLabels: counts.map { $0.map(String.init) }, scale: .share, xLabel: "predicted", yLabel: "true",
                       panelSize: (side + Heatmap.colorBarRoom, side)).svg
    }

    private func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}
