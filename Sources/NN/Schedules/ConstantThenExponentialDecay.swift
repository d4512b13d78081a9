/// Keeps the initial learning rate for `constantEpochs` epochs, then multiplies it by `rate` every epoch:
/// the Keras MFCC-ResNet notebook's `LearningRateScheduler(lambda epoch, lr: lr if epoch < 10 else lr * 0.95)`.
public struct ConstantThenExponentialDecay: LearningRateSchedule, Equatable {
    /// Epochs at the initial rate.
    public var constantEpochs: Int
    /// Factor per epoch afterwards.
    public var rate: Float

    /// Constant for `constantEpochs` (default 10) epochs, then × `rate` (default 0.95) per epoch.
    public init(constantEpochs: Int = 10, rate: Float = 0.95) throws {
        guard constantEpochs >= 0, rate > 0 else {
            throw TrainingError.invalidArgument("ConstantThenExponentialDecay needs constantEpochs ≥ 0 and rate > 0")
        }
        self.constantEpochs = constantEpochs
        self.rate = rate
    }

    public func nextLearningRate(after epoch: Int, current: Float, initial: Float, metrics: EpochMetrics) -> Float {
        epoch + 1 < constantEpochs ? current : current * rate
    }
}

extension ConstantThenExponentialDecay: CustomStringConvertible {
    /// The schedule in words, as help texts and run configurations show it.
    public var description: String { "constant for \(constantEpochs) epochs, then × \(rate) per epoch" }
}
