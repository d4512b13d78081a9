import Tensor

/// Negative log-likelihood of log-probabilities (as `torch.nn.NLLLoss`): `−mean(input[i, yᵢ])`.
public struct NLLLoss: Loss {
    /// The loss.
    public init() {}

    public func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor {
        output.nllLoss(targets: labels)
    }
}
