import NN
import Tensor

// Stand-in until NN ships its `Dropout` layer (see ReLU.swift).
/// Inverted dropout in training mode, identity in evaluation (as `torch.nn.Dropout`); masks come from a
/// generator reseeded by `Module.seedRandomness`.
final class Dropout: Module {
    let probability: Float
    private var generator = RandomGenerator(seed: 0)

    init(_ probability: Float) {
        precondition((0..<1).contains(probability), "Dropout(\(probability)): probability must be in [0, 1)")
        self.probability = probability
        super.init()
    }

    override func forward(_ input: Tensor) -> Tensor {
        input.dropout(probability: probability, training: isTraining, using: &generator)
    }

    override func resetRandomness(seed: UInt64) { generator = RandomGenerator(seed: seed) }
}
