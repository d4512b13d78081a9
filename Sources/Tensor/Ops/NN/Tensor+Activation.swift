import Foundation

extension Tensor {
    /// max(x, 0) elementwise (as `torch.relu`); the gradient at 0 is 0.
    public func relu() -> Tensor {
        activation({ $0 < 0 ? 0 : $0 }, derivative: { x, _ in x <= 0 ? 0 : 1 })
    }

    /// min(max(x, 0), 6) elementwise (as `torch.nn.functional.relu6`); the gradient is 0 at 0 and 6.
    public func relu6() -> Tensor {
        activation({ Swift.min(Swift.max($0, 0), 6) }, derivative: { x, _ in x <= 0 || x >= 6 ? 0 : 1 })
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
        let input = self, value = mapped(function)
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [Tensor(shape: input.shape) { out in
                let (x, y, g, o) = (input.storage.pointer, value.storage.pointer, gradient.storage.pointer, out.baseAddress!)
                Parallel.parallelFor(0..<out.count, minimumChunk: Tensor.elementwiseChunk) { range in
                    for i in range { o[i] = g[i] * derivative(x[i], y[i]) }
                }
            }]
        }
    }
}
