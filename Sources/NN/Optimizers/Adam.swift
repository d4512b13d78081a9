import Foundation

/// Adam (as `torch.optim.Adam`): bias-corrected first and second moments; `weightDecay` adds L2 to the
/// gradient. With `decoupledWeightDecay` it is AdamW (see `AdamW`).
// @unchecked: confined to the task that trains with it, as every Optimizer (see there).
public class Adam: Optimizer, @unchecked Sendable {
    /// Decay of the first-moment average.
    public let beta1: Float
    /// Decay of the second-moment average.
    public let beta2: Float
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    /// L2 weight decay λ.
    public let weightDecay: Float
    /// True for AdamW's decoupled decay `p ← p·(1 − lr·λ)` instead of L2 on the gradient.
    public let decoupledWeightDecay: Bool

    /// PyTorch's defaults: betas (0.9, 0.999), eps 1e-8, no weight decay. (Keras uses epsilon 1e-7.)
    public init(parameters: [(name: String, parameter: Parameter)], learningRate: Float = 1e-3, beta1: Float = 0.9,
                beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0,
                decoupledWeightDecay: Bool = false) throws {
        guard learningRate >= 0, epsilon >= 0, weightDecay >= 0, (0..<1).contains(beta1), (0..<1).contains(beta2) else {
            throw TrainingError.invalidArgument("Adam needs learningRate, epsilon, weightDecay ≥ 0 and betas in [0, 1)")
        }
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        super.init(parameters: parameters, learningRate: learningRate, slotNames: ["exp_avg", "exp_avg_sq"])
    }

    public override func update(parameter p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                slots: [UnsafeMutableBufferPointer<Float>], step: Int) {
        let (m, v) = (slots[0], slots[1])
        // PyTorch computes the bias corrections in Python floats (double precision).
        let correction1 = 1 - Foundation.pow(Double(beta1), Double(step))
        let correction2Root = (1 - Foundation.pow(Double(beta2), Double(step))).squareRoot()
        let stepSize = Float(Double(learningRate) / correction1)
        let decay = decoupledWeightDecay ? 1 - learningRate * weightDecay : 1
        let l2 = decoupledWeightDecay ? 0 : weightDecay
        let (oneMinusBeta1, oneMinusBeta2) = (1 - beta1, 1 - beta2)
        let rootCorrection = Float(correction2Root)
        // Eight lanes at a time (the last chunk padded); the arithmetic is the scalar formula's, lane by lane.
        for start in stride(from: 0, to: p.count, by: 8) {
            let lanes = Swift.min(8, p.count - start)
            var (parameter, moment, variance) = (p.lanes(start, lanes), m.lanes(start, lanes), v.lanes(start, lanes))
            parameter *= decay
            let d = g.lanes(start, lanes) + l2 * parameter
            moment += oneMinusBeta1 * (d - moment)
            variance = variance * beta2 + oneMinusBeta2 * d * d
            parameter -= stepSize * (moment / (variance.squareRoot() / rootCorrection + epsilon))
            p.setLanes(parameter, start, lanes)
            m.setLanes(moment, start, lanes)
            v.setLanes(variance, start, lanes)
        }
    }
}
