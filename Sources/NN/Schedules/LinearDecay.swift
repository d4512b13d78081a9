/// Scales the initial learning rate linearly from 1 to `finalFactor` over `epochs` epochs, then holds it
/// (PyTorch's `LinearLR(start_factor=1, end_factor=finalFactor, total_iters=epochs)`).
public struct LinearDecay: LearningRateSchedule, Equatable {
    /// The final rate as a fraction of the initial one.
    public var finalFactor: Float
    /// Epochs over which the rate decays.
    public var epochs: Int

    /// Decays to `finalFactor` × the initial rate over `epochs` epochs (e.g. 0.1 over 50).
    public init(to finalFactor: Float, over epochs: Int) throws {
        guard epochs > 0 else { throw TrainingError.invalidArgument("LinearDecay epochs \(epochs) must be positive") }
        self.finalFactor = finalFactor
        self.epochs = epochs
    }

    public func nextLearningRate(after epoch: Int, current: Float, initial: Float, metrics: EpochMetrics) -> Float {
        let progress = Float(min(epoch + 1, epochs)) / Float(epochs)
        return initial * (1 + (finalFactor - 1) * progress)
    }
}

extension LinearDecay: CustomStringConvertible {
    /// The schedule in words, as help texts and run configurations show it.
    public var description: String { "linear decay to × \(finalFactor) over \(epochs) epochs" }
}
