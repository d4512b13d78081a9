import Tensor

/// Zeroes each element with probability `probability` in training and scales the rest by
/// `1 / (1 − probability)` (inverted dropout, as `torch.nn.Dropout` and Keras `Dropout`); the identity in
/// evaluation. Masks come from the module's own seeded stream (see `Module.seedRandomness`).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class Dropout: Module, @unchecked Sendable {
    /// The drop probability p.
    public let probability: Float
    private var generator = RandomGenerator(seed: 0)

    /// Dropout with drop probability `probability` (default 0.5, as both frameworks).
    public init(_ probability: Float = 0.5) {
        precondition((0..<1).contains(probability), "Dropout(\(probability)): probability must be in [0, 1)")
        self.probability = probability
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        // Evaluation reads nothing mutable, so that many tasks can run inference at once (see `Module`).
        guard isTraining else { return input }
        return input.dropout(probability: probability, training: isTraining, using: &generator)
    }

    public override func resetRandomness(seed: UInt64) {
        generator = RandomGenerator(seed: seed)
    }
}
