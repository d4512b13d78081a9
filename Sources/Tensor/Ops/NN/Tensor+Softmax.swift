extension Tensor {
    /// eˣ / Σ eˣ along `axis` (as `torch.softmax(x, dim)`), computed stably by subtracting the maximum.
    public func softmax(axis: Int = -1) -> Tensor {
        softmaxFamily(axis: axis, logarithm: false)
    }

    /// log(softmax(x)) along `axis` (as `torch.log_softmax(x, dim)`), computed stably as
    /// `x − max − log Σ e^(x − max)`.
    public func logSoftmax(axis: Int = -1) -> Tensor {
        softmaxFamily(axis: axis, logarithm: true)
    }

    private func softmaxFamily(axis: Int, logarithm: Bool) -> Tensor {
        let axis = normalizedAxis(axis)
        let length = shape[axis], inner = shape[(axis + 1)...].reduce(1, *)
        let kernel = SoftmaxKernel(outer: count / Swift.max(length * inner, 1), length: length, inner: inner,
                                   logarithm: logarithm)
        let input = self
        let value = Tensor(shape: shape) { kernel.forward(input.storage.pointer, $0.baseAddress!) }
        return Tensor.makeResult(value, parents: [self]) { gradient in
            [Tensor(shape: value.shape) {
                kernel.backward(output: value.storage.pointer, gradient: gradient.storage.pointer,
                                inputGradient: $0.baseAddress!)
            }]
        }
    }
}
