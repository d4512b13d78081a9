import COpenBLAS

/// The module's entry to OpenBLAS: row-major single-precision GEMM.
@usableFromInline
enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C` for row-major `A`, `B`, `C` (`op` transposes when asked):
    /// `op(A)` is `m×k`, `op(B)` is `k×n`, `C` is `m×n`, with leading dimensions `lda`, `ldb`, `ldc`.
    ///
    /// Runs on `Parallel.threadCount` OpenBLAS threads, or on the calling thread inside `parallelFor`.
    @usableFromInline
    static func sgemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        _ = Parallel.threadCount  // applies GENREKIT_THREADS to OpenBLAS before its first call
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
