import Foundation

/// Errors raised while training or evaluating.
public enum TrainingError: Error, CustomStringConvertible, Equatable {
    /// A schedule or callback monitors a metric the epoch did not produce.
    case missingMetric(String, available: [String])
    /// The loss became NaN or infinite; the last good checkpoint (if any) is kept.
    case nonFiniteLoss(epoch: Int, batch: Int, value: Float, lastGoodCheckpoint: URL?)
    /// After `epoch` a parameter, buffer or optimizer entry (`key`) holds NaN, an infinity or a negative
    /// variance although the loss stayed finite; nothing of that epoch was saved, the last good checkpoint is kept.
    case diverged(epoch: Int, key: String, problem: String, lastGoodCheckpoint: URL?)
    /// A configuration value is out of range.
    case invalidArgument(String)
    /// Batches are empty or inputs and targets disagree.
    case invalidBatch(String)

    public var description: String {
        switch self {
        case let .missingMetric(name, available):
            return "monitored metric '\(name)' was not produced this epoch (available: \(available.joined(separator: ", ")))"
        case let .nonFiniteLoss(epoch, batch, value, checkpoint):
            let kept = checkpoint.map { "last good checkpoint kept at \($0.path)" } ?? "no checkpoint was written yet"
            return "loss became \(value) at epoch \(epoch + 1), batch \(batch + 1); training stopped, \(kept)"
        case let .diverged(epoch, key, problem, checkpoint):
            let kept = checkpoint.map { "last good checkpoint kept at \($0.path)" } ?? "no checkpoint was written yet"
            return "training diverged at epoch \(epoch + 1): '\(key)' holds \(problem); training stopped, \(kept)"
        case let .invalidArgument(why): return "invalid argument: \(why)"
        case let .invalidBatch(why): return "invalid batch: \(why)"
        }
    }
}
