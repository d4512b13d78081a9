/// RMSProp (as `torch.optim.RMSprop`, or Keras' `RMSprop` with `.keras` conventions).
// @unchecked: confined to the task that trains with it, as every Optimizer (see there).
public final class RMSProp: Optimizer, @unchecked Sendable {
    /// Where epsilon enters the denominator.
    public enum EpsilonPlacement: String, Sendable {
        /// PyTorch: `g / (√v + ε)`, momentum buffer then scaled by the learning rate.
        case outsideSquareRoot
        /// Keras: `lr·g / √(v + ε)`, the learning rate inside the momentum accumulation.
        case insideSquareRoot
    }

    /// The discounting factor of the squared-gradient average (PyTorch `alpha`, Keras `rho`).
    public let alpha: Float
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    /// Momentum factor.
    public let momentum: Float
    /// L2 weight decay λ.
    public let weightDecay: Float
    /// Whether epsilon goes inside or outside the square root.
    public let epsilonPlacement: EpsilonPlacement

    /// PyTorch's defaults: alpha 0.99, eps 1e-8, epsilon outside the root. Keras' are alpha 0.9, epsilon 1e-7,
    /// `.insideSquareRoot` (see `keras(parameters:learningRate:momentum:)`).
    public init(parameters: [(name: String, parameter: Parameter)], learningRate: Float = 1e-2, alpha: Float = 0.99,
                epsilon: Float = 1e-8, momentum: Float = 0, weightDecay: Float = 0,
                epsilonPlacement: EpsilonPlacement = .outsideSquareRoot) throws {
        guard learningRate >= 0, epsilon >= 0, momentum >= 0, weightDecay >= 0, (0...1).contains(alpha) else {
            throw TrainingError.invalidArgument("RMSProp needs non-negative hyper-parameters and alpha in [0, 1]")
        }
        self.alpha = alpha
        self.epsilon = epsilon
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.epsilonPlacement = epsilonPlacement
        super.init(parameters: parameters, learningRate: learningRate,
                   slotNames: momentum == 0 ? ["square_avg"] : ["square_avg", "momentum_buffer"])
    }

    /// Keras' `RMSprop` defaults: learning rate 1e-3, rho 0.9, epsilon 1e-7 inside the square root.
    public static func keras(parameters: [(name: String, parameter: Parameter)], learningRate: Float = 1e-3,
                             momentum: Float = 0) throws -> RMSProp {
        try RMSProp(parameters: parameters, learningRate: learningRate, alpha: 0.9, epsilon: 1e-7, momentum: momentum,
                    epsilonPlacement: .insideSquareRoot)
    }

    public override func update(parameter p: UnsafeMutableBufferPointer<Float>, gradient g: UnsafeBufferPointer<Float>,
                                slots: [UnsafeMutableBufferPointer<Float>], step: Int) {
        let square = slots[0]
        let lr = learningRate
        let keras = epsilonPlacement == .insideSquareRoot
        for i in 0..<p.count {
            let d = weightDecay == 0 ? g[i] : g[i] + weightDecay * p[i]
            square[i] = square[i] * alpha + (1 - alpha) * d * d
            let scaled = keras ? d / (square[i] + epsilon).squareRoot() : d / (square[i].squareRoot() + epsilon)
            if momentum > 0 {
                slots[1][i] = slots[1][i] * momentum + (keras ? lr * scaled : scaled)
                p[i] -= keras ? slots[1][i] : lr * slots[1][i]
            } else {
                p[i] -= lr * scaled
            }
        }
    }
}
