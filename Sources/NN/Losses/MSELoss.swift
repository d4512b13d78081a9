import Tensor

/// Mean squared error (as `torch.nn.MSELoss`): `(outputᵢ − targetᵢ)²`, reduced by `reduction`.
public struct MSELoss: TargetLoss {
    /// How the squared errors are reduced.
    public var reduction: LossReduction

    /// The loss, reduced by `reduction` (default: the mean).
    public init(reduction: LossReduction = .mean) {
        self.reduction = reduction
    }

    /// - Precondition: `output` and `targets` have the same shape.
    public func callAsFunction(_ output: Tensor, targets: Tensor) -> Tensor {
        precondition(output.shape == targets.shape, "MSELoss: output \(output.shape) and targets \(targets.shape) differ")
        let error = output - targets
        return reduction.apply(error * error)
    }
}
