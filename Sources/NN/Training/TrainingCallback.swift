import Tensor

/// Observes a `Trainer` (as Keras callbacks); throwing stops training with that error.
public protocol TrainingCallback: AnyObject {
    /// Called after each epoch's metrics, checkpoints and learning-rate update.
    func trainer(_ trainer: Trainer, didFinishEpoch epoch: Int, metrics: EpochMetrics) throws
}
