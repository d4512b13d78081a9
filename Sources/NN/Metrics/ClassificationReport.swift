import Foundation

/// Accuracy and per-class scores of one evaluation, as JSON for a run's `metrics.json`
/// (scikit-learn's `classification_report` in machine-readable form).
public struct ClassificationReport: Codable, Equatable, Sendable {
    /// Scores of one class.
    public struct ClassScore: Codable, Equatable, Sendable {
        public var name: String
        public var precision: Double
        public var recall: Double
        public var f1: Double
        public var support: Int

        public init(name: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.name = name
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    public var accuracy: Double
    public var samples: Int
    public var classes: [ClassScore]
    /// `confusion[true][predicted]`.
    public var confusion: [[Int]]

    /// The report of `matrix`.
    public init(_ matrix: ConfusionMatrix) {
        accuracy = matrix.accuracy
        samples = matrix.total
        let (precision, recall, f1, support) = (matrix.precision, matrix.recall, matrix.f1, matrix.support)
        classes = matrix.classNames.indices.map {
            ClassScore(name: matrix.classNames[$0], precision: precision[$0], recall: recall[$0], f1: f1[$0],
                       support: support[$0])
        }
        confusion = matrix.counts
    }

    /// Pretty-printed JSON with sorted keys.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        // Encoding plain numbers, strings and arrays cannot fail.
        return String(decoding: try! encoder.encode(self), as: UTF8.self) + "\n"
    }
}
