import Tensor

/// Cross-entropy from logits with optional label smoothing (as `torch.nn.CrossEntropyLoss`,
/// `reduction="mean"`): `−(1 − ε)·log p[y] − ε/C·Σ_c log p[c]`, averaged over the batch.
public struct CrossEntropyLoss: Loss {
    /// ε in [0, 1]: the share of the target spread uniformly over all classes.
    public let labelSmoothing: Float

    /// Plain cross-entropy, or smoothed with ε = `labelSmoothing`.
    public init(labelSmoothing: Float = 0) {
        precondition((0...1).contains(labelSmoothing), "CrossEntropyLoss: labelSmoothing \(labelSmoothing) is not in [0, 1]")
        self.labelSmoothing = labelSmoothing
    }

    public func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor {
        output.crossEntropy(targets: labels, labelSmoothing: labelSmoothing)
    }
}
