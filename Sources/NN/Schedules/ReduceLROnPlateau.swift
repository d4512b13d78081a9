/// Multiplies the learning rate by `factor` when a metric stops improving.
///
/// With PyTorch's semantics (`torch.optim.lr_scheduler.ReduceLROnPlateau`, the default) the rate drops once
/// more than `patience` epochs in a row failed to improve on the best value; with Keras' (`keras(…)`,
/// `keras.callbacks.ReduceLROnPlateau`) once `patience` epochs did, improvements being measured with an
/// absolute `minDelta`. Then `cooldown` epochs pass before bad epochs count again.
public struct ReduceLROnPlateau: LearningRateSchedule, Equatable {
    /// Whose counting rules apply.
    public enum Convention: String, Codable, Sendable {
        /// Reduce after more than `patience` bad epochs.
        case pytorch
        /// Reduce after `patience` bad epochs; no bad epochs are counted during cooldown.
        case keras
    }

    /// How `threshold` defines a significant improvement.
    public enum ThresholdMode: String, Codable, Sendable {
        /// Relative: better than `best · (1 ∓ threshold)`.
        case relative
        /// Absolute: better than `best ∓ threshold`.
        case absolute
    }

    /// The monitored metric, e.g. `val_loss`.
    public var monitor: String
    /// Whether the metric improves by decreasing or increasing.
    public var mode: MetricMode
    /// Multiplies the rate at each reduction.
    public var factor: Float
    /// Epochs without improvement tolerated.
    public var patience: Int
    /// The margin a new value must beat the best by.
    public var threshold: Double
    /// Whether `threshold` is relative or absolute.
    public var thresholdMode: ThresholdMode
    /// Epochs after a reduction during which bad epochs are not counted.
    public var cooldown: Int
    /// The rate never goes below this.
    public var minLearningRate: Float
    /// Reductions smaller than this are ignored (PyTorch's `eps`).
    public var epsilon: Float
    /// PyTorch's or Keras' counting rules.
    public var convention: Convention

    /// The best monitored value so far.
    public private(set) var best: Double?
    /// Consecutive epochs without significant improvement.
    public private(set) var badEpochs = 0
    /// Epochs of cooldown left.
    public private(set) var cooldownLeft = 0

    /// PyTorch's defaults: factor 0.1, patience 10, threshold 1e-4 relative, no cooldown, no minimum.
    public init(monitor: String = "val_loss", mode: MetricMode = .auto, factor: Float = 0.1, patience: Int = 10,
                threshold: Double = 1e-4, thresholdMode: ThresholdMode = .relative, cooldown: Int = 0,
                minLearningRate: Float = 0, epsilon: Float = 1e-8, convention: Convention = .pytorch) throws {
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
        self.convention = convention
    }

    /// Keras' `ReduceLROnPlateau(monitor, factor=0.1, patience=10, min_delta=1e-4, cooldown=0, min_lr=0)`.
    public static func keras(monitor: String = "val_loss", mode: MetricMode = .auto, factor: Float = 0.1,
                             patience: Int = 10, minDelta: Double = 1e-4, cooldown: Int = 0,
                             minLearningRate: Float = 0) throws -> ReduceLROnPlateau {
        try ReduceLROnPlateau(monitor: monitor, mode: mode, factor: factor, patience: patience, threshold: minDelta,
                              thresholdMode: .absolute, cooldown: cooldown, minLearningRate: minLearningRate,
                              epsilon: 0, convention: .keras)
    }

    public mutating func nextLearningRate(after epoch: Int, current: Float, initial: Float,
                                          metrics: EpochMetrics) throws -> Float {
        let value = try metrics.value(of: monitor)
        if convention == .keras { return kerasStep(value, current: current) }
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

    /// Keras' `on_epoch_end`: cooldown first, then improvement, then patience (`wait >= patience`).
    private mutating func kerasStep(_ value: Double, current: Float) -> Float {
        let cooling = cooldownLeft > 0
        if cooling {
            cooldownLeft -= 1
            badEpochs = 0
        }
        if isBetter(value) {
            best = value
            badEpochs = 0
            return current
        }
        guard !cooling else { return current }
        badEpochs += 1
        guard badEpochs >= patience, current > minLearningRate else { return current }
        cooldownLeft = cooldown
        badEpochs = 0
        return max(current * factor, minLearningRate)
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

extension ReduceLROnPlateau: CustomStringConvertible {
    /// The schedule in words, as help texts and run configurations show it.
    public var description: String { "ReduceLROnPlateau(\(monitor), factor \(factor), patience \(patience))" }
}
