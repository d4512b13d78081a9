extension Tensor {
    /// Negative log-likelihood of class indices under `[N, C]` log-probabilities, averaged over
    /// the batch (as `torch.nn.functional.nll_loss`): `−mean(self[i, targets[i]])`.
    ///
    /// - Precondition: `self` is `[N, C]`, `targets.count == N` and every target is in `0..<C`.
    public func nllLoss(targets: [Int]) -> Tensor {
        -(self * classTargets(targets, "nllLoss")).sum() / Float(shape[0])
    }

    /// The one-hot rows of `targets` for this `[N, C]` tensor of scores, checked.
    func classTargets(_ targets: [Int], _ operation: String) -> Tensor {
        precondition(rank == 2, "\(operation): input must be [N, C], got \(shape)")
        precondition(targets.count == shape[0], "\(operation): \(targets.count) targets for a batch of \(shape[0])")
        return Tensor.oneHot(targets, classCount: shape[1])
    }
}
