extension Tensor {
    /// Inverted dropout (as `torch.nn.functional.dropout`): in training each element is zeroed with
    /// `probability` and the survivors are scaled by 1 / (1 − `probability`); in evaluation the
    /// tensor passes unchanged. The mask is drawn from `generator`, so a seeded generator gives the
    /// same mask on every run and platform; the gradient flows through the same mask.
    public func dropout(probability: Float = 0.5, training: Bool, using generator: inout RandomGenerator) -> Tensor {
        precondition((0...1).contains(probability), "dropout: probability \(probability) is not in [0, 1]")
        guard training, probability > 0 else { return self }
        let keep = 1 - probability
        return self * (Tensor.bernoulli(shape, probability: keep, using: &generator) * (keep > 0 ? 1 / keep : 0))
    }
}
