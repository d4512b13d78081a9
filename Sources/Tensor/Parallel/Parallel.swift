import COpenBLAS
import Foundation
import Synchronization

/// The threads GenreKit's kernels use.
///
/// `threadCount` starts at `GENREKIT_THREADS` when set, else the number of active processors. OpenBLAS
/// itself always runs single-threaded: large GEMMs are split across these workers instead
/// (`BLAS.sgemm`), so no OpenBLAS thread pool spins between calls while our loops want the cores. A
/// `parallelFor` nested inside another runs serially.
public enum Parallel {
    private static let storedThreadCount: Atomic<Int> = {
        let environment = ProcessInfo.processInfo.environment["GENREKIT_THREADS"].flatMap { Int($0) }
        openblas_set_num_threads(1)
        return Atomic(Swift.max(1, environment ?? ProcessInfo.processInfo.activeProcessorCount))
    }()

    /// Depth of `parallelFor` worker bodies on the current thread.
    private static let regionDepth = ThreadLocalCounter()

    /// Number of threads for kernels and GEMMs (at least 1). Set it before starting work.
    public static var threadCount: Int {
        get { storedThreadCount.load(ordering: .relaxed) }
        set {
            precondition(newValue >= 1, "Parallel.threadCount must be ≥ 1, got \(newValue)")
            storedThreadCount.store(newValue, ordering: .relaxed)
        }
    }

    /// True on a thread running the body of a `parallelFor`.
    public static var isInsideParallelRegion: Bool { regionDepth.value > 0 }

    /// Calls `body` on disjoint consecutive sub-ranges covering `range`, concurrently.
    ///
    /// Uses at most `threadCount` chunks, each at least `minimumChunk` long (so small loops run
    /// serially on the calling thread), on the calling thread and `WorkerPool`'s workers. Runs serially
    /// when called from inside another `parallelFor`, or while another thread's `parallelFor` runs.
    /// `body` is `@Sendable`: memory the chunks share is captured as a `SharedPointer`.
    @inlinable
    public static func parallelFor(_ range: Range<Int>, minimumChunk: Int = 1, _ body: @Sendable (Range<Int>) -> Void) {
        let chunks = Swift.min(threadCount, range.count / Swift.max(minimumChunk, 1))
        if chunks <= 1 || isInsideParallelRegion {
            body(range)
        } else {
            concurrentChunks(range, chunks: chunks, body)
        }
    }

    /// Runs `chunks` sub-ranges of `range` concurrently.
    @usableFromInline
    static func concurrentChunks(_ range: Range<Int>, chunks: Int, _ body: @Sendable (Range<Int>) -> Void) {
        let total = range.count
        let recording = GradMode.isEnabled
        let chunk = { @Sendable (chunk: Int) in
            let lower = range.lowerBound + total * chunk / chunks
            let upper = range.lowerBound + total * (chunk + 1) / chunks
            regionDepth.incremented {
                // Workers are threads, not child tasks: they get the caller's grad mode handed over, so
                // `withoutGrad` covers tensor ops run in chunks (a task-local bound on a thread outside any
                // task holds for the synchronous code it covers). The caller's own chunks already have it.
                if GradMode.isEnabled == recording {
                    body(lower..<upper)
                } else {
                    GradMode.isDisabled.withValue(!recording) { body(lower..<upper) }
                }
            }
        }
        // While another thread's loop holds the workers, this one runs on its own thread.
        if !pool.run(chunks: chunks, chunk) { (0..<chunks).forEach(chunk) }
    }

    /// The worker threads: one fewer than the larger of `threadCount` at first use and the processor count.
    private static let pool = WorkerPool(
        workerCount: Swift.max(threadCount, ProcessInfo.processInfo.activeProcessorCount) - 1)
}
