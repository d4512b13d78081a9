import Foundation

/// Work sharing across the cores for the frame and row loops.
enum Parallel {
    /// Runs `body(workers, worker)` once per worker. Uses every active core when `worthIt`,
    /// otherwise runs a single worker on the calling thread; worker `w` of `n` handles items
    /// `w, w + n, w + 2n, …` of whatever it iterates.
    static func run(when worthIt: Bool, items: Int, _ body: (_ workers: Int, _ worker: Int) -> Void) {
        let workers = worthIt ? min(ProcessInfo.processInfo.activeProcessorCount, items) : 1
        if workers <= 1 {
            body(1, 0)
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { body(workers, $0) }
        }
    }
}
