import Foundation

extension Tensor {
    /// eˣ elementwise (as `torch.exp`), 8 lanes at a time (`VectorMath.exp`, within 2 ulp).
    public func exp() -> Tensor {
        let value = mapped(vector: { VectorMath.exp($0) }, scalar: { Foundation.exp($0) })
        return Tensor.makeResult(value, parents: [self]) { gradient in [gradient * value] }
    }

    /// Natural logarithm elementwise (as `torch.log`).
    public func log() -> Tensor {
        let input = self
        return Tensor.makeResult(mapped { Foundation.log($0) }, parents: [self]) { gradient in [gradient / input] }
    }

    /// Square root elementwise (as `torch.sqrt`).
    public func sqrt() -> Tensor {
        let value = mapped { $0.squareRoot() }
        return Tensor.makeResult(value, parents: [self]) { gradient in [gradient * 0.5 / value] }
    }

    /// |x| elementwise (as `torch.abs`; the gradient at 0 is 0).
    public func abs() -> Tensor {
        let input = self
        return Tensor.makeResult(mapped { Swift.abs($0) }, parents: [self]) { gradient in
            [gradient * input.mapped { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }]
        }
    }

    /// xᵖ elementwise for a constant exponent (as `torch.pow(x, p)`).
    public func pow(_ exponent: Float) -> Tensor {
        let input = self
        let value = exponent == 2 ? mapped { $0 * $0 } : mapped { Foundation.pow($0, exponent) }
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [gradient * (exponent == 2 ? 2 * input : exponent * input.pow(exponent - 1))]
        }
    }

    /// xʸ elementwise with NumPy broadcasting (as `torch.pow(x, y)`).
    public func pow(_ exponent: Tensor) -> Tensor {
        let base = self, needsBase = requiresGrad, needsExponent = exponent.requiresGrad
        let value = Tensor.broadcasting(self, exponent, "pow", Elementwise.Power.self)
        return Tensor.makeResult(value, parents: [self, exponent]) { gradient in
            [needsBase ? gradient * exponent * base.pow(exponent - 1) : nil,
             needsExponent ? gradient * value * base.log() : nil]
        }
    }

    /// Elements limited to [`min`, `max`] (as `torch.clamp`); either bound may be nil.
    /// The gradient passes where `min ≤ x ≤ max`, as in PyTorch.
    public func clamped(min lower: Float? = nil, max upper: Float? = nil) -> Tensor {
        let low = lower ?? -.infinity, high = upper ?? .infinity
        precondition(low <= high, "clamped: min \(low) is above max \(high)")
        let input = self
        return Tensor.makeResult(mapped { Swift.min(Swift.max($0, low), high) }, parents: [self]) { gradient in
            [gradient * input.mapped { $0 >= low && $0 <= high ? 1 : 0 }]
        }
    }
}
