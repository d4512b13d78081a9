/// Metrics of one finished epoch by Keras name: `loss`, `accuracy`, `val_loss`, `val_accuracy`, `lr`, ….
public typealias EpochMetrics = [String: Double]

/// Chooses the learning rate epoch by epoch (PyTorch's `lr_scheduler`, stepped once per epoch).
///
/// Schedules are `Codable` so that a resumed run continues with the same schedule state.
public protocol LearningRateSchedule: Codable {
    /// The learning rate for the epoch after `epoch` (0-based), given the rate `current` used in `epoch`, the
    /// optimizer's `initial` rate and the metrics `epoch` ended with.
    mutating func nextLearningRate(after epoch: Int, current: Float, initial: Float,
                                   metrics: EpochMetrics) throws -> Float
}

/// Whether a monitored metric improves by decreasing or increasing.
public enum MetricMode: String, Codable, Sendable {
    /// Lower is better (losses).
    case min
    /// Higher is better (accuracies).
    case max
    /// `min` when the metric's name contains "loss", `max` otherwise (Keras' `mode="auto"`).
    case auto

    /// `self` with `.auto` resolved for the metric `name`.
    public func resolved(for name: String) -> MetricMode {
        self != .auto ? self : (name.contains("loss") ? .min : .max)
    }
}

extension EpochMetrics {
    /// The value of `name`, or a `TrainingError.missingMetric` listing the metrics there are.
    func value(of name: String) throws -> Double {
        guard let value = self[name] else { throw TrainingError.missingMetric(name, available: keys.sorted()) }
        return value
    }
}
