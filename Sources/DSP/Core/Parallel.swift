import Foundation

/// Work sharing across the cores for the frame and row loops.
enum Parallel {
    /// Calls `body(index)` for every index in `0..<count`: on all cores when `worthIt` (iterations
    /// handed out dynamically, so a descheduled thread does not hold the others back), otherwise in
    /// order on the calling thread.
    static func forEach(_ count: Int, when worthIt: Bool, _ body: (Int) -> Void) {
        guard worthIt, count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}
