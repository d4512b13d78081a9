import Foundation

extension Tensor {
    /// max(x, 0) elementwise (as `torch.relu`); the gradient at 0 is 0.
    public func relu() -> Tensor {
        clampingActivation(lower: 0, upper: .infinity, derivative: { x, _ in x <= 0 ? 0 : 1 })
    }

    /// min(max(x, 0), 6) elementwise (as `torch.nn.functional.relu6`); the gradient is 0 at 0 and 6.
    public func relu6() -> Tensor {
        clampingActivation(lower: 0, upper: 6, derivative: { x, _ in x <= 0 || x >= 6 ? 0 : 1 })
    }

    /// Limits the elements to [`min`, `max`] in place (as `torch.clamp_`; `clamp(min: 0, max: 6)` is an
    /// in-place ReLU6). Not recorded by autodiff: for tensors outside the graph, such as activations
    /// computed inside `Tensor.withoutGrad`, where it saves the output tensor of `clamped(min:max:)`.
    ///
    /// - Precondition: `self` is not part of a recorded graph; `min ≤ max`.
    public mutating func clamp(min lower: Float? = nil, max upper: Float? = nil) {
        precondition(node == nil, "clamp: tensors in a recorded autodiff graph cannot change in place; use clamped(min:max:)")
        let (low, high) = (lower ?? -.infinity, upper ?? .infinity)
        precondition(low <= high, "clamp: min \(low) is above max \(high)")
        withUnsafeMutableBufferPointer { Tensor.clampElements(UnsafePointer($0.baseAddress!), into: $0.baseAddress!, count: $0.count, low, high) }
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
    private func activation(_ function: (Float) -> Float,
                            derivative: @escaping (_ input: Float, _ output: Float) -> Float) -> Tensor {
        recordActivation(mapped(function), derivative: derivative)
    }

    /// min(max(x, lower), upper) elementwise (vectorised), recorded as `activation`.
    private func clampingActivation(lower: Float, upper: Float,
                                    derivative: @escaping (_ input: Float, _ output: Float) -> Float) -> Tensor {
        let input = self
        let value = Tensor(shape: shape) { Tensor.clampElements(input.storage.pointer, into: $0.baseAddress!, count: $0.count, lower, upper) }
        return recordActivation(value, derivative: derivative)
    }

    /// `value`, the activation of `self`, recorded with the backward `gradient · derivative(x, y)`.
    @inline(__always)
    private func recordActivation(_ value: Tensor,
                                  derivative: @escaping (_ input: Float, _ output: Float) -> Float) -> Tensor {
        let input = self
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [Tensor(shape: input.shape) { out in
                let (x, y, g, o) = (input.storage.pointer, value.storage.pointer, gradient.storage.pointer, out.baseAddress!)
                Parallel.parallelFor(0..<out.count, minimumChunk: Tensor.elementwiseChunk) { range in
                    for i in range { o[i] = g[i] * derivative(x[i], y[i]) }
                }
            }]
        }
    }

    /// `destination[i] = min(max(source[i], lower), upper)` for `i < count`, NaN kept (as PyTorch), 8
    /// lanes at a time and large counts in parallel. `destination` may be `source`.
    private static func clampElements(_ source: UnsafePointer<Float>, into destination: UnsafeMutablePointer<Float>,
                              count: Int, _ lower: Float, _ upper: Float) {
        let (x, y) = (UnsafeRawPointer(source), UnsafeMutableRawPointer(destination))
        Parallel.parallelFor(0..<count / 8, minimumChunk: elementwiseChunk / 8) { blocks in
            for offset in Swift.stride(from: blocks.lowerBound * 32, to: blocks.upperBound * 32, by: 32) {
                let v = x.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                let clamped = v.replacing(with: lower, where: v .< lower).replacing(with: upper, where: v .> upper)
                y.storeBytes(of: clamped, toByteOffset: offset, as: SIMD8<Float>.self)
            }
        }
        for i in count / 8 * 8..<count {
            destination[i] = source[i] < lower ? lower : (source[i] > upper ? upper : source[i])
        }
    }
}
