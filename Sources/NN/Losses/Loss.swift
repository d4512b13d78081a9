import Tensor

/// A classification loss: model output `[N, C]` and integer labels → scalar mean loss.
public protocol Loss: Sendable {
    /// The mean loss over the batch; differentiable with respect to `output`.
    func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor
}
