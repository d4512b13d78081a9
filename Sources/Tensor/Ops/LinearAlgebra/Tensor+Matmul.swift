import ConcurrencySupport

extension Tensor {
    /// Matrix product over the last two dimensions, `[..., m, k] · [..., k, n] → [..., m, n]`, with the
    /// leading (batch) dimensions broadcast by NumPy rules (as `torch.matmul` for tensors of rank ≥ 2).
    ///
    /// `transposeSelf` / `transposeOther` use the transpose of the last two dimensions of that operand
    /// without copying it, e.g. `x.matmul(weight, transposeOther: true)` is `torch.nn.functional.linear`'s
    /// `x · weightᵀ`. Each product is one `cblas_sgemm`; batches of small matrices run in parallel with
    /// single-threaded BLAS, large matrices use OpenBLAS's own threads.
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false) -> Tensor {
        precondition(rank >= 2 && other.rank >= 2, "matmul: needs rank ≥ 2, got shapes \(shape) and \(other.shape)")
        let (m, k) = Tensor.matrixSize(shape, transposed: transposeSelf)
        let (otherK, n) = Tensor.matrixSize(other.shape, transposed: transposeOther)
        precondition(otherK == k, "matmul: inner sizes differ in shapes \(shape) and \(other.shape)")
        let batch = Tensor.broadcastShape(Array(shape.dropLast(2)), Array(other.shape.dropLast(2)), "matmul")
        if other.rank == 2 && rank > 2 && !transposeSelf {
            // [..., m, k] · [k, n]: one GEMM over all rows.
            return reshaped(to: [count / Swift.max(k, 1), k]).matmul(other, transposeOther: transposeOther)
                .reshaped(to: batch + [m, n])
        }
        let left = expanded(to: batch + shape.suffix(2)), right = other.expanded(to: batch + other.shape.suffix(2))
        let needsLeft = left.requiresGrad, needsRight = right.requiresGrad
        let value = Tensor.product(left, right, transposeLeft: transposeSelf, transposeRight: transposeOther)
        return Tensor.makeResult(value, parents: [left, right]) { gradient in
            // C = op(A)·op(B): d op(A) = G·op(B)ᵀ and d op(B) = op(A)ᵀ·G, transposed back where op transposes.
            [!needsLeft ? nil : transposeSelf
                ? Tensor.product(right, gradient, transposeLeft: transposeOther, transposeRight: true)
                : Tensor.product(gradient, right, transposeRight: !transposeOther),
             !needsRight ? nil : transposeOther
                ? Tensor.product(gradient, left, transposeLeft: true, transposeRight: transposeSelf)
                : Tensor.product(left, gradient, transposeLeft: !transposeSelf)]
        }
    }

    /// Rows and columns of the matrix in the last two dimensions of `shape`, after an optional transpose.
    private static func matrixSize(_ shape: [Int], transposed: Bool) -> (rows: Int, columns: Int) {
        let rows = shape[shape.count - 2], columns = shape[shape.count - 1]
        return transposed ? (columns, rows) : (rows, columns)
    }

    /// Unrecorded batched product `op(a) · op(b)` of tensors with equal batch dimensions.
    static func product(_ a: Tensor, _ b: Tensor, transposeLeft: Bool = false, transposeRight: Bool = false) -> Tensor {
        let rowsA = a.shape[a.rank - 2], columnsA = a.shape[a.rank - 1]
        let rowsB = b.shape[b.rank - 2], columnsB = b.shape[b.rank - 1]
        let m = transposeLeft ? columnsA : rowsA, k = transposeLeft ? rowsA : columnsA
        let n = transposeRight ? rowsB : columnsB
        let batches = a.count / Swift.max(rowsA * columnsA, 1)
        let x = SharedPointer(a.storage.pointer), y = SharedPointer(b.storage.pointer)
        return Tensor(shape: Array(a.shape.dropLast(2)) + [m, n]) { out in
            let z = SharedPointer(out)
            let multiply = { @Sendable (item: Int) in
                BLAS.sgemm(transposeA: transposeLeft, transposeB: transposeRight, m: m, n: n, k: k,
                           a: x.readOnly + item * rowsA * columnsA, lda: columnsA, b: y.readOnly + item * rowsB * columnsB,
                           ldb: columnsB, c: z.pointer + item * m * n, ldc: n)
            }
            // Small products run one per worker; large ones one after another, each split by `BLAS.sgemm`.
            if batches >= Parallel.threadCount && m * n * k < BLAS.splitThreshold {
                Parallel.parallelFor(0..<batches) { items in items.forEach(multiply) }
            } else {
                (0..<batches).forEach(multiply)
            }
        }
    }
}
