import Foundation

/// Accuracy and per-class scores of one evaluation, as JSON for a run's `metrics.json`
/// (scikit-learn's `classification_report` in machine-readable form).
public struct ClassificationReport: Codable, Equatable, Sendable {
    /// Scores of one class.
    public struct ClassScore: Codable, Equatable, Sendable {
        /// The class name.
        public var name: String
        /// Correct / predicted as this class.
        public var precision: Double
        /// Correct / members of this class.
        public var recall: Double
        /// Harmonic mean of precision and recall.
        public var f1: Double
        /// Members of this class.
        public var support: Int

        /// The scores of class `name`.
        public init(name: String, precision: Double, recall: Double, f1: Double, support: Int) {
            self.name = name
            self.precision = precision
            self.recall = recall
            self.f1 = f1
            self.support = support
        }
    }

    /// Fraction of samples classified correctly.
    public var accuracy: Double
    /// Number of samples.
    public var samples: Int
    /// Per-class scores in label order.
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
