import Tensor

/// An L1 or L2 penalty on chosen parameters, added to the loss (Keras `kernel_regularizer`):
/// L2 is `λ·Σ w²` (Keras' `l2(λ)`), L1 is `λ·Σ |w|`.
public struct WeightPenalty: Sendable {
    /// The penalty's form.
    public enum Kind: Sendable {
        case l1
        case l2
    }

    /// L1 or L2.
    public let kind: Kind
    /// λ.
    public let strength: Float
    /// The penalised parameters.
    public let parameters: [Parameter]

    /// A penalty of `strength` (λ) on `parameters` (e.g. `[dense.weight]`).
    public init(_ kind: Kind, strength: Float, on parameters: [Parameter]) {
        precondition(strength >= 0, "WeightPenalty: strength \(strength) must be ≥ 0")
        self.kind = kind
        self.strength = strength
        self.parameters = parameters
    }

    /// The penalty's value, differentiable with respect to the parameters.
    public func value() -> Tensor {
        let terms = parameters.map { kind == .l2 ? ($0.value * $0.value).sum() : $0.value.abs().sum() }
        return terms.dropFirst().reduce(terms.first ?? Tensor(0), +) * strength
    }
}
