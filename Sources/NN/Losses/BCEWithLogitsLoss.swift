import Tensor

/// Binary cross-entropy on logits (as `torch.nn.BCEWithLogitsLoss`), for multi-label tagging: with
/// `p = posWeight` per label, `ℓ = −[p·t·log σ(x) + (1 − t)·log(1 − σ(x))]`, computed in the stable form
/// `(1 − t)·x + (1 + (p − 1)·t)·(log(1 + e^−|x|) + max(−x, 0))`, reduced by `reduction`.
public struct BCEWithLogitsLoss: TargetLoss {
    /// Weight of the positive term per label (the last axis), e.g. negatives ÷ positives; nil for 1.
    public var posWeight: [Float]?
    /// How the per-element losses are reduced.
    public var reduction: LossReduction

    /// The loss with optional per-label positive weights, reduced by `reduction` (default: the mean).
    public init(posWeight: [Float]? = nil, reduction: LossReduction = .mean) {
        self.posWeight = posWeight
        self.reduction = reduction
    }

    /// - Precondition: `output` and `targets` have the same shape, and `posWeight` (when given) has one
    ///   value per entry of their last axis.
    public func callAsFunction(_ output: Tensor, targets: Tensor) -> Tensor {
        precondition(output.shape == targets.shape,
                     "BCEWithLogitsLoss: output \(output.shape) and targets \(targets.shape) differ")
        let softplusOfMinus = (1 + (-output.abs()).exp()).log() + (-output).relu()   // −log σ(x)
        var weighted = softplusOfMinus
        if let posWeight {
            precondition(posWeight.count == output.shape.last, "BCEWithLogitsLoss: \(posWeight.count) positive "
                         + "weights for \(output.shape.last ?? 0) labels")
            let weights = try! Tensor(posWeight, shape: [posWeight.count])   // the count is checked above
            weighted = (1 + (weights - 1) * targets) * softplusOfMinus
        }
        return reduction.apply((1 - targets) * output + weighted)
    }
}
