import COpenBLAS
import ConcurrencySupport

/// The module's entry to OpenBLAS: row-major single-precision GEMM.
@usableFromInline
enum BLAS {
    /// Multiply-adds below which a GEMM stays on the calling thread: about where a `WorkerPool` region
    /// (a few µs when its workers are awake) stops costing more than half the GEMM saves
    /// (mlp-features' inference: 46 µs unsplit, 32 µs with its 57 → 256 and 256 → 128 layers split).
    static let splitThreshold = 1 << 18

    /// `C = alpha · op(A) · op(B) + beta · C` for row-major `A`, `B`, `C` (`op` transposes when asked):
    /// `op(A)` is `m×k`, `op(B)` is `k×n`, `C` is `m×n`, with leading dimensions `lda`, `ldb`, `ldc`.
    ///
    /// OpenBLAS runs single-threaded; outside `parallelFor`, a GEMM of at least `splitThreshold`
    /// multiply-adds is cut into `Parallel.threadCount` blocks of rows (or of columns when `C` is wider
    /// than tall), one per worker. Every element of `C` is computed as in one call.
    @usableFromInline
    static func sgemm(transposeA: Bool = false, transposeB: Bool = false, m: Int, n: Int, k: Int,
                      alpha: Float = 1, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                      beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int) {
        let threads = Parallel.threadCount
        guard threads > 1, !Parallel.isInsideParallelRegion, m * n * k >= splitThreshold, max(m, n) >= 2 * threads else {
            call(transposeA, transposeB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
            return
        }
        let byRows = m >= n
        let extent = byRows ? m : n
        let shared = (a: SharedPointer(a), b: SharedPointer(b), c: SharedPointer(c))
        Parallel.parallelFor(0..<threads) { blocks in
            let (a, b, c) = (shared.a.readOnly, shared.b.readOnly, shared.c.pointer)
            for block in blocks {
                let first = extent * block / threads, count = extent * (block + 1) / threads - first
                if byRows {
                    call(transposeA, transposeB, count, n, k, alpha, transposeA ? a + first : a + first * lda, lda,
                         b, ldb, beta, c + first * ldc, ldc)
                } else {
                    call(transposeA, transposeB, m, count, k, alpha, a, lda,
                         transposeB ? b + first * ldb : b + first, ldb, beta, c + first, ldc)
                }
            }
        }
    }

    private static func call(_ transposeA: Bool, _ transposeB: Bool, _ m: Int, _ n: Int, _ k: Int, _ alpha: Float,
                             _ a: UnsafePointer<Float>, _ lda: Int, _ b: UnsafePointer<Float>, _ ldb: Int,
                             _ beta: Float, _ c: UnsafeMutablePointer<Float>, _ ldc: Int) {
        cblas_sgemm(CblasRowMajor, transposeA ? CblasTrans : CblasNoTrans, transposeB ? CblasTrans : CblasNoTrans,
                    Int32(m), Int32(n), Int32(k), alpha, a, Int32(lda), b, Int32(ldb), beta, c, Int32(ldc))
    }
}
