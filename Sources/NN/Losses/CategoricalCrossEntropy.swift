import Tensor

/// Cross-entropy of probabilities, for Keras models that end in Softmax
/// (Keras' `categorical_crossentropy` of one-hot labels): each row is renormalised to sum to 1, clipped to
/// [ε, 1 − ε] with Keras' ε = 1e-7, then `−mean(log p[i, yᵢ])`.
public struct CategoricalCrossEntropy: Loss {
    /// Added to the denominator for numerical stability.
    public let epsilon: Float

    /// Clipping at Keras' ε = 1e-7 unless given.
    public init(epsilon: Float = 1e-7) {
        self.epsilon = epsilon
    }

    public func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor {
        precondition(output.rank == 2, "CategoricalCrossEntropy: output must be [N, classes], got \(output.shape)")
        return output.categoricalCrossEntropy(targets: Tensor.oneHot(labels, classCount: output.shape[1]), epsilon: epsilon)
    }
}
