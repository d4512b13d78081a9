import Tensor

/// A loss against float targets of the output's shape (regression, multi-label tagging): model output and
/// targets `[N, …]` → a scalar (or, with `.none`, per-element) loss, differentiable with respect to the output.
///
/// Classification losses with integer labels conform to `Loss` instead.
public protocol TargetLoss: Sendable {
    /// The loss of `output` against `targets` (same shape).
    func callAsFunction(_ output: Tensor, targets: Tensor) -> Tensor
}

/// How a per-element loss becomes the returned tensor (as PyTorch's `reduction=`).
public enum LossReduction: String, Sendable, CaseIterable {
    /// The mean over every element (PyTorch's default).
    case mean
    /// The sum over every element.
    case sum
    /// The per-element losses, in the output's shape.
    case none

    /// `elements` reduced this way.
    func apply(_ elements: Tensor) -> Tensor {
        switch self {
        case .mean: elements.mean()
        case .sum: elements.sum()
        case .none: elements
        }
    }
}
