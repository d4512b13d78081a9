/// Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay
/// (as `torch.optim.SGD`; the first step initialises the momentum buffer with the gradient).
// @unchecked: confined to the task that trains with it, as every Optimizer (see there).
public final class SGD: Optimizer, @unchecked Sendable {
    /// Momentum factor.
    public let momentum: Float
    /// Dampening of the momentum update.
    public let dampening: Float
    /// Whether to use Nesterov momentum.
    public let nesterov: Bool
    /// L2 weight decay λ.
    public let weightDecay: Float

    /// PyTorch's defaults: no momentum, no dampening, no weight decay.
    public init(parameters: [(name: String, parameter: Parameter)], learningRate: Float, momentum: Float = 0,
                dampening: Float = 0, nesterov: Bool = false, weightDecay: Float = 0) throws {
        guard learningRate >= 0, momentum >= 0, weightDecay >= 0 else {
            throw TrainingError.invalidArgument("SGD learningRate, momentum and weightDecay must be ≥ 0")
        }
        guard !nesterov || (momentum > 0 && dampening == 0) else {
            throw TrainingError.invalidArgument("SGD Nesterov momentum requires momentum > 0 and zero dampening")
        }
        self.momentum = momentum
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
        super.init(parameters: parameters, learningRate: learningRate, slotNames: momentum == 0 ? [] : ["momentum_buffer"])
    }

    public override func update(parameter p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                slots: [UnsafeMutableBufferPointer<Float>], step: Int) {
        let lr = learningRate
        for i in 0..<p.count {
            var d = weightDecay == 0 ? g[i] : g[i] + weightDecay * p[i]
            if momentum != 0 {
                let buffer = step == 1 ? d : slots[0][i] * momentum + (1 - dampening) * d
                slots[0][i] = buffer
                d = nesterov ? d + momentum * buffer : buffer
            }
            p[i] -= lr * d
        }
    }
}
