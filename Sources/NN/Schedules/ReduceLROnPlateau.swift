/// Multiplies the learning rate by `factor` when a metric stops improving, with PyTorch's semantics
/// (`torch.optim.lr_scheduler.ReduceLROnPlateau`): the rate drops once more than `patience` epochs in a row
/// failed to improve on the best value, then `cooldown` epochs pass before bad epochs count again.
public struct ReduceLROnPlateau: LearningRateSchedule, Equatable {
    /// How `threshold` defines a significant improvement.
    public enum ThresholdMode: String, Codable, Sendable {
        /// Relative: better than `best · (1 ∓ threshold)`.
        case relative
        /// Absolute: better than `best ∓ threshold`.
        case absolute
    }

    public var monitor: String
    public var mode: MetricMode
    public var factor: Float
    public var patience: Int
    public var threshold: Double
    public var thresholdMode: ThresholdMode
    public var cooldown: Int
    public var minLearningRate: Float
    /// Reductions smaller than this are ignored (PyTorch's `eps`).
    public var epsilon: Float

    /// The best monitored value so far.
    public private(set) var best: Double?
    /// Consecutive epochs without significant improvement.
    public private(set) var badEpochs = 0
    /// Epochs of cooldown left.
    public private(set) var cooldownLeft = 0

    /// PyTorch's defaults: factor 0.1, patience 10, threshold 1e-4 relative, no cooldown, no minimum.
    public init(monitor: String = "val_loss", mode: MetricMode = .auto, factor: Float = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: ThresholdMode = .relative, cooldown: Int = 0,
                minLearningRate: Float = 0, epsilon: Float = 1e-8) throws {
        guard factor < 1, factor > 0 else { throw TrainingError.invalidArgument("ReduceLROnPlateau factor \(factor) must be in (0, 1)") }
        guard patience >= 0, cooldown >= 0 else { throw TrainingError.invalidArgument("ReduceLROnPlateau patience and cooldown must be ≥ 0") }
        self.monitor = monitor
        self.mode = mode.resolved(for: monitor)
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLearningRate = minLearningRate
        self.epsilon = epsilon
    }

    public mutating func nextLearningRate(after epoch: Int, current: Float, initial: Float,
                                          metrics: EpochMetrics) throws -> Float {
        let value = try metrics.value(of: monitor)
        if isBetter(value) {
            best = value
            badEpochs = 0
        } else {
            badEpochs += 1
        }
        if cooldownLeft > 0 {
            cooldownLeft -= 1
            badEpochs = 0
        }
        guard badEpochs > patience else { return current }
        cooldownLeft = cooldown
        badEpochs = 0
        let reduced = max(current * factor, minLearningRate)
        return current - reduced > epsilon ? reduced : current
    }

    private func isBetter(_ value: Double) -> Bool {
        guard let best else { return !value.isNaN }
        switch (mode, thresholdMode) {
        case (.max, .relative): return value > best * (1 + threshold)
        case (.max, .absolute): return value > best + threshold
        case (_, .relative): return value < best * (1 - threshold)
        case (_, .absolute): return value < best - threshold
        }
    }
}
