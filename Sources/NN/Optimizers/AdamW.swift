/// AdamW (as `torch.optim.AdamW`): Adam with decoupled weight decay, default 0.01.
// @unchecked: confined to the task that trains with it, as every Optimizer (see there).
public final class AdamW: Adam, @unchecked Sendable {
    /// PyTorch's AdamW defaults: betas (0.9, 0.999), eps 1e-8, weight decay 0.01.
    public init(parameters: [(name: String, parameter: Parameter)], learningRate: Float = 1e-3, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 1e-2) throws {
        try super.init(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2,
                       epsilon: epsilon, weightDecay: weightDecay, decoupledWeightDecay: true)
    }
}
