extension Tensor {
    /// `self · weightᵀ + bias` over the last dimension, as `torch.nn.functional.linear`: `[..., in]` with
    /// `weight` `[out, in]` and `bias` `[out]` gives `[..., out]`.
    ///
    /// One GEMM onto rows pre-filled with the bias, so the bias costs no extra pass or tensor. Its
    /// gradients: `dX = dY · W`, `dW = dYᵀ · X`, `db = Σ_rows dY`.
    public func linear(weight: Tensor, bias: Tensor? = nil) -> Tensor {
        precondition(weight.rank == 2 && rank >= 1 && shape.last == weight.shape[1],
                     "linear: input shape \(shape) does not end in the \(weight.shape.last ?? 0) inputs of weight \(weight.shape)")
        let (outputs, inputs) = (weight.shape[0], weight.shape[1])
        if let bias { precondition(bias.shape == [outputs], "linear: bias shape \(bias.shape) is not [\(outputs)]") }
        let rows = count / Swift.max(inputs, 1)
        let matrix = rank == 2 ? self : reshaped(to: [rows, inputs])
        let value = Tensor(shape: [rows, outputs]) { out in
            let z = out.baseAddress!
            if let bias {
                for row in 0..<rows { (z + row * outputs).update(from: bias.storage.pointer, count: outputs) }
            }
            BLAS.sgemm(transposeB: true, m: rows, n: outputs, k: inputs, a: matrix.storage.pointer, lda: inputs,
                       b: weight.storage.pointer, ldb: inputs, beta: bias == nil ? 0 : 1, c: z, ldc: outputs)
        }
        let needsInput = matrix.requiresGrad, needsWeight = weight.requiresGrad, needsBias = bias?.requiresGrad ?? false
        let result = Tensor.makeResult(value, parents: [matrix, weight] + (bias.map { [$0] } ?? [])) { gradient in
            [needsInput ? Tensor.product(gradient, weight) : nil,
             needsWeight ? Tensor.product(gradient, matrix, transposeLeft: true) : nil]
                + (bias == nil ? [] : [needsBias ? gradient.sum(axes: [0]) : nil])
        }
        return rank == 2 ? result : result.reshaped(to: shape.dropLast() + [outputs])
    }
}
