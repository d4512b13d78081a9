/// Classification accuracies.
public enum Accuracy {
    /// The fraction of `predictions` equal to `targets`.
    public static func of(predictions: [Int], targets: [Int]) throws -> Double {
        guard predictions.count == targets.count, !targets.isEmpty else {
            throw MetricError.shape("\(predictions.count) predictions for \(targets.count) targets")
        }
        return Double(zip(predictions, targets).filter { $0 == $1 }.count) / Double(targets.count)
    }

    /// The fraction of samples whose highest score is the target.
    public static func of(_ scores: ClassScores, targets: [Int]) throws -> Double {
        try of(predictions: scores.predictedClasses, targets: targets)
    }

    /// The fraction of samples whose target is among the `k` highest scores (Keras `top_k_categorical_accuracy`).
    public static func topK(_ scores: ClassScores, targets: [Int], k: Int) throws -> Double {
        guard scores.count == targets.count, !targets.isEmpty else {
            throw MetricError.shape("\(scores.count) score rows for \(targets.count) targets")
        }
        guard k > 0 else { throw MetricError.shape("top-k needs k ≥ 1, got \(k)") }
        let hits = targets.indices.filter { scores.topClasses($0, k: k).contains(targets[$0]) }.count
        return Double(hits) / Double(targets.count)
    }
}
