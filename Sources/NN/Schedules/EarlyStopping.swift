/// Stops training when a metric has not improved for `patience` epochs, with Keras' semantics
/// (`keras.callbacks.EarlyStopping`): an epoch improves when it beats the best value by more than `minDelta`.
///
/// The `Trainer` restores the best epoch's weights on stopping when `restoreBestWeights` is set.
public struct EarlyStopping: Codable, Equatable, Sendable {
    /// What one epoch's update decided.
    public enum Decision: Equatable, Sendable {
        /// The epoch set a new best value.
        case improved
        /// No improvement, patience not yet exhausted.
        case wait
        /// Patience exhausted: stop training.
        case stop
    }

    /// The monitored metric, e.g. `val_loss`.
    public var monitor: String
    /// Whether the metric improves by decreasing or increasing.
    public var mode: MetricMode
    /// Epochs without improvement tolerated.
    public var patience: Int
    /// The smallest change that counts as an improvement.
    public var minDelta: Double
    /// Whether the trainer restores the best epoch's weights on stopping.
    public var restoreBestWeights: Bool

    /// The best monitored value so far.
    public private(set) var best: Double?
    /// The 0-based epoch that reached `best`.
    public private(set) var bestEpoch: Int?
    /// Epochs since the last improvement.
    public private(set) var wait = 0

    /// Keras' defaults: monitor `val_loss`, patience 0, minDelta 0, no weight restoring.
    public init(monitor: String = "val_loss", mode: MetricMode = .auto, patience: Int = 0, minDelta: Double = 0,
                restoreBestWeights: Bool = false) throws {
        guard patience >= 0, minDelta >= 0 else {
            throw TrainingError.invalidArgument("EarlyStopping patience and minDelta must be ≥ 0")
        }
        self.monitor = monitor
        self.mode = mode.resolved(for: monitor)
        self.patience = patience
        self.minDelta = minDelta
        self.restoreBestWeights = restoreBestWeights
    }

    /// Records epoch `epoch`'s metrics and decides whether to go on.
    public mutating func update(epoch: Int, metrics: EpochMetrics) throws -> Decision {
        let value = try metrics.value(of: monitor)
        wait += 1
        if isImprovement(value) {
            best = value
            bestEpoch = epoch
            wait = 0
            return .improved
        }
        return wait >= patience && epoch > 0 ? .stop : .wait
    }

    private func isImprovement(_ value: Double) -> Bool {
        guard let best else { return !value.isNaN }
        return mode == .max ? value - minDelta > best : value + minDelta < best
    }
}

extension EarlyStopping: CustomStringConvertible {
    /// The rule in words, as help texts and run configurations show it.
    public var description: String {
        "EarlyStopping(\(monitor), patience \(patience)\(restoreBestWeights ? ", restoring the best weights" : ""))"
    }
}
