import NN
import Tensor

/// A trained model's results on one side of a split: sample-wise and, for segments, file-wise.
public struct SideEvaluation {
    /// Sample-wise loss, accuracy, scores and labels (NN's `Evaluation`).
    public let samples: Evaluation
    /// Probabilities averaged per track; nil unless samples are segments.
    public let files: FileAggregation?
    /// The sample-wise confusion matrix.
    public let confusion: ConfusionMatrix
    /// File-wise accuracy, nil unless segmented.
    public let fileAccuracy: Double?

    /// Evaluates `trainer`'s model on `source` (at most `limit` batches) in evaluation mode.
    /// - Parameters:
    ///   - trainer: holds the model to evaluate.
    ///   - source: the split side's batches.
    ///   - limit: at most this many batches; nil for all.
    ///   - classNames: the labels of the model's outputs, in order.
    ///   - segmented: whether samples are segments of tracks (then file-wise results are added).
    ///   - outputsProbabilities: false when the model outputs logits (softmaxed before averaging).
    public init(trainer: Trainer, source: SplitSide, limit: Int?, classNames: [String], segmented: Bool,
                outputsProbabilities: Bool) throws {
        samples = try trainer.evaluate(source.batches(epoch: 0, limit: limit))
        confusion = try samples.confusionMatrix(classNames: classNames)
        guard segmented else {
            (files, fileAccuracy) = (nil, nil)
            return
        }
        let probabilities = outputsProbabilities ? samples.scores : samples.scores.probabilities
        let files = try FileAggregation(segmentProbabilities: probabilities,
                                        fileIDs: Array(source.trackIDs.prefix(samples.labels.count)), targets: samples.labels)
        (self.files, fileAccuracy) = (files, try files.accuracy)
    }

    /// Sample-wise accuracy.
    public var accuracy: Double { samples.accuracy }
}
