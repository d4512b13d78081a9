extension Tensor {
    /// Cross-entropy of class indices under `[N, C]` logits, averaged over the batch (as
    /// `torch.nn.functional.cross_entropy`): `logSoftmax` then negative log-likelihood, stable for
    /// large logits.
    ///
    /// With `labelSmoothing` ε the target of each row is `(1 − ε) · onehot + ε / C`, as PyTorch's
    /// `label_smoothing`.
    ///
    /// - Precondition: `self` is `[N, C]`, `targets.count == N`, every target is in `0..<C` and ε is in [0, 1].
    public func crossEntropy(targets: [Int], labelSmoothing: Float = 0) -> Tensor {
        precondition((0...1).contains(labelSmoothing), "crossEntropy: labelSmoothing \(labelSmoothing) is not in [0, 1]")
        let target = classTargets(targets, "crossEntropy") * (1 - labelSmoothing) + labelSmoothing / Float(shape[1])
        return -(logSoftmax(axis: 1) * target).sum() / Float(shape[0])
    }

    /// Keras's `categorical_crossentropy` of `targets` (one-hot or soft, `[N, C]`) under `self`
    /// holding probabilities: each row is renormalised to sum to 1, clipped to
    /// [`epsilon`, 1 − `epsilon`], and `−Σ targets · log p` is averaged over the batch.
    ///
    /// The gradient is zero where the clipping is active (as `clip` in Keras and `clamp` in PyTorch).
    public func categoricalCrossEntropy(targets: Tensor, epsilon: Float = 1e-7) -> Tensor {
        precondition(rank == 2 && targets.shape == shape,
                     "categoricalCrossEntropy: probabilities \(shape) and targets \(targets.shape) must both be [N, C]")
        let probabilities = (self / sum(axes: [1], keepDims: true)).clamped(min: epsilon, max: 1 - epsilon)
        return -(targets * probabilities.log()).sum() / Float(shape[0])
    }
}
