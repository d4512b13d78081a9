import ConcurrencySupport
import Foundation

extension Tensor {
    /// max(x, 0) elementwise (as `torch.relu`); the gradient at 0 is 0.
    public func relu() -> Tensor {
        clampingActivation(lower: 0, upper: nil)
    }

    /// min(max(x, 0), 6) elementwise (as `torch.nn.functional.relu6`); the gradient is 0 at 0 and 6.
    public func relu6() -> Tensor {
        clampingActivation(lower: 0, upper: 6)
    }

    /// Limits the elements to [`min`, `max`] in place (as `torch.clamp_`; `clamp(min: 0, max: 6)` is an
    /// in-place ReLU6). Not recorded by autodiff: for tensors outside the graph, such as activations
    /// computed inside `Tensor.withoutGrad`, where it saves the output tensor of `clamped(min:max:)`.
    ///
    /// - Precondition: `self` is not part of a recorded graph; `min ≤ max`.
    public mutating func clamp(min lower: Float? = nil, max upper: Float? = nil) {
        precondition(node == nil, "clamp: tensors in a recorded autodiff graph cannot change in place; use clamped(min:max:)")
        let low = lower ?? -.infinity
        precondition(low <= upper ?? .infinity, "clamp: min \(low) is above max \(upper ?? .infinity)")
        withUnsafeMutableBufferPointer {
            Tensor.clampLanes(UnsafePointer($0.baseAddress!), gradient: nil, into: $0.baseAddress!, count: $0.count, low, upper)
        }
    }

    /// x for x > 0, `negativeSlope · x` otherwise (as `torch.nn.functional.leaky_relu`, whose
    /// default slope is 0.01; Keras's `LeakyReLU` defaults to 0.3).
    public func leakyRelu(negativeSlope: Float = 0.01) -> Tensor {
        activation({ $0 > 0 ? $0 : $0 * negativeSlope }, derivative: { x, _ in x > 0 ? 1 : negativeSlope })
    }

    /// 1 / (1 + e⁻ˣ) elementwise (as `torch.sigmoid`).
    public func sigmoid() -> Tensor {
        activation({ 1 / (1 + Foundation.exp(-$0)) }, derivative: { _, y in y * (1 - y) })
    }

    /// Hyperbolic tangent elementwise (as `torch.tanh`).
    public func tanh() -> Tensor {
        activation({ Foundation.tanh($0) }, derivative: { _, y in 1 - y * y })
    }

    /// `function` elementwise, recorded with the backward `gradient · derivative(x, y)`.
    @inline(__always)
    private func activation(_ function: @Sendable (Float) -> Float,
                            derivative: @escaping @Sendable (_ input: Float, _ output: Float) -> Float) -> Tensor {
        recordActivation(mapped(function), derivative: derivative)
    }

    /// min(max(x, lower), upper) elementwise (no upper bound when nil), recorded with the gradient passed
    /// where `lower < x < upper` (and for NaN) and 0 elsewhere, as PyTorch; both passes vectorised.
    private func clampingActivation(lower: Float, upper: Float?) -> Tensor {
        let input = self
        let value = Tensor(shape: shape) {
            Tensor.clampLanes(input.storage.pointer, gradient: nil, into: $0.baseAddress!, count: $0.count, lower, upper)
        }
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [Tensor(shape: input.shape) {
                Tensor.clampLanes(input.storage.pointer, gradient: gradient.storage.pointer, into: $0.baseAddress!,
                                  count: $0.count, lower, upper)
            }]
        }
    }

    /// `value`, the activation of `self`, recorded with the backward `gradient · derivative(x, y)`.
    @inline(__always)
    private func recordActivation(_ value: Tensor,
                                  derivative: @escaping @Sendable (_ input: Float, _ output: Float) -> Float) -> Tensor {
        let input = self
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [Tensor(shape: input.shape) { out in
                let (x, y, g, o) = (SharedPointer(input.storage.pointer), SharedPointer(value.storage.pointer),
                                    SharedPointer(gradient.storage.pointer), SharedPointer(out))
                Parallel.parallelFor(0..<out.count, minimumChunk: Tensor.elementwiseChunk) { range in
                    for i in range { o[i] = g[i] * derivative(x[i], y[i]) }
                }
            }]
        }
    }

    /// Elementwise over `count` elements, 8 lanes at a time and large counts in parallel: without
    /// `gradient`, `min(max(x, lower), upper)` with `x = source[i]` (NaN kept, as PyTorch); with it, the
    /// backward of that clamp: `gradient[i]`, or 0 where `x ≤ lower` or `x ≥ upper` (nil: no upper bound).
    /// `destination` may be `source`.
    private static func clampLanes(_ source: UnsafePointer<Float>, gradient: UnsafePointer<Float>?,
                                   into destination: UnsafeMutablePointer<Float>, count: Int, _ lower: Float, _ upper: Float?) {
        let shared = (source: SharedPointer(source), gradient: SharedPointer(gradient), destination: SharedPointer(destination))
        let high = upper ?? .infinity
        Parallel.parallelFor(0..<count / 8, minimumChunk: elementwiseChunk / 8) { blocks in
            let (x, g, y) = (UnsafeRawPointer(shared.source.readOnly), shared.gradient.readOnlyAddress.map(UnsafeRawPointer.init),
                             UnsafeMutableRawPointer(shared.destination.pointer))
            for offset in Swift.stride(from: blocks.lowerBound * 32, to: blocks.upperBound * 32, by: 32) {
                let v = x.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                let result = if let g {
                    g.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                        .replacing(with: 0, where: upper == nil ? v .<= lower : v .<= lower .| v .>= high)
                } else {
                    v.replacing(with: lower, where: v .< lower).replacing(with: high, where: v .> high)
                }
                y.storeBytes(of: result, toByteOffset: offset, as: SIMD8<Float>.self)
            }
        }
        for i in count / 8 * 8..<count {
            let v = source[i]
            if let gradient {
                destination[i] = v <= lower || (upper.map { v >= $0 } ?? false) ? 0 : gradient[i]
            } else {
                destination[i] = v < lower ? lower : (v > high ? high : v)
            }
        }
    }
}
