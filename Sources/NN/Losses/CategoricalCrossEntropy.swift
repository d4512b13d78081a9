import Tensor

/// Cross-entropy of probabilities, for Keras models that end in Softmax
/// (`keras.losses.SparseCategoricalCrossentropy(from_logits=False)`): probabilities are clipped to
/// [ε, 1 − ε] with Keras' ε = 1e-7, then `−mean(log p[i, yᵢ])`.
public struct CategoricalCrossEntropy: Loss {
    public let epsilon: Float

    public init(epsilon: Float = 1e-7) {
        self.epsilon = epsilon
    }

    public func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor {
        checkClassification(output, labels, "CategoricalCrossEntropy")
        let clipped = output.clamped(min: epsilon, max: 1 - epsilon)
        return -(clipped.log() * Tensor.oneHot(labels, classCount: output.shape[1])).sum() / Float(labels.count)
    }
}
