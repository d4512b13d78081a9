import Foundation

/// Multiplies the learning rate by `gamma` every `stepSize` epochs (PyTorch's `StepLR`).
public struct StepDecay: LearningRateSchedule, Equatable {
    /// Epochs between decays.
    public var stepSize: Int
    /// Factor per decay.
    public var gamma: Float

    /// Decays by `gamma` (default 0.1) every `stepSize` epochs.
    public init(stepSize: Int, gamma: Float = 0.1) throws {
        guard stepSize > 0 else { throw TrainingError.invalidArgument("StepDecay stepSize \(stepSize) must be positive") }
        self.stepSize = stepSize
        self.gamma = gamma
    }

    public func nextLearningRate(after epoch: Int, current: Float, initial: Float, metrics: EpochMetrics) -> Float {
        initial * pow(gamma, Float((epoch + 1) / stepSize))
    }
}

extension StepDecay: CustomStringConvertible {
    /// The schedule in words, as help texts and run configurations show it.
    public var description: String { "× \(gamma) every \(stepSize) epochs" }
}
