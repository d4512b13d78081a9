import ConcurrencySupport
import Foundation

/// Work sharing across the cores for the frame and row loops.
enum Parallel {
    /// Calls `body(index)` for every index in `0..<count`: on all cores when `worthIt` (iterations
    /// handed out dynamically, so a descheduled thread does not hold the others back), otherwise in
    /// order on the calling thread.
    ///
    /// `body` runs concurrently: for different indices it must write disjoint memory (the
    /// `SharedPointer` rule), which every loop of DSP does (frames, rows and blocks of its own).
    static func forEach(_ count: Int, when worthIt: Bool, _ body: (Int) -> Void) {
        guard worthIt, count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        withoutActuallyEscaping(body) { body in
            withUnsafePointer(to: body) { body in
                let shared = SharedPointer(body)
                DispatchQueue.concurrentPerform(iterations: count) { index in shared.readOnly.pointee(index) }
            }
        }
    }
}
