/// The result of evaluating a model on labelled batches.
public struct Evaluation: Sendable {
    /// Mean loss per sample.
    public let loss: Double
    /// Fraction of samples whose highest output is the label.
    public let accuracy: Double
    /// The model's outputs, one row per sample, in batch order.
    public let scores: ClassScores
    /// The labels in the same order.
    public let labels: [Int]

    /// The confusion matrix over `classNames`.
    public func confusionMatrix(classNames: [String]) throws -> ConfusionMatrix {
        try ConfusionMatrix(classNames: classNames, predictions: scores.predictedClasses, targets: labels)
    }
}
