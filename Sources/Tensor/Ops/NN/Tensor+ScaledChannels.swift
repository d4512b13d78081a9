import ConcurrencySupport
extension Tensor {
    /// Multiplies each channel plane of `[N, C, …]` by its own factor from `scale`, `[N, C]`: the
    /// squeeze-and-excitation multiply `x * s[:, :, None, None]`, fused into one pass.
    /// Differentiable with respect to both operands.
    public func scaledChannels(by scale: Tensor) -> Tensor {
        precondition(rank >= 2 && scale.shape == Array(shape.prefix(2)),
                     "scaledChannels: scale must be [N, C] = \(Array(shape.prefix(2))) for input \(shape), got \(scale.shape)")
        let planes = shape[0] * shape[1], plane = count / Swift.max(planes, 1)
        let input = self
        let value = Tensor(shape: shape) { output in
            let (x, s, y) = (SharedPointer(input.storage.pointer), SharedPointer(scale.storage.pointer), SharedPointer(output))
            PoolingKernel.forEachPlane(planes, planeSize: plane) { range in
                for index in range {
                    let factor = s[index]
                    for i in index * plane..<(index + 1) * plane { y[i] = x[i] * factor }
                }
            }
        }
        return Tensor.makeResult(value, parents: [input, scale]) { gradient in
            let inputGradient = input.requiresGrad ? gradient.scaledChannels(by: scale) : nil
            let scaleGradient = scale.requiresGrad ? Tensor(shape: scale.shape) { sums in
                let sums = SharedPointer(sums)
                PoolingKernel.forEachPlane(planes, planeSize: plane) { range in
                    let (x, g) = (input.storage.pointer, gradient.storage.pointer)
                    for index in range {
                        sums[index] = VectorSum.sum(g + index * plane, x + index * plane, count: plane, *, *)
                    }
                }
            } : nil
            return [inputGradient, scaleGradient]
        }
    }
}
