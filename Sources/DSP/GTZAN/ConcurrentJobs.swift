import ConcurrencySupport
import Foundation

/// Runs independent throwing jobs, concurrently over the cores or one after the other, and
/// returns their results in order. The first error (in job order) is rethrown.
enum ConcurrentJobs {
    /// Jobs that run concurrently must write disjoint memory (the `SharedPointer` rule): each job of
    /// `GTZANFeatures` fills buffers of its own in the shared workspace.
    static func run<T>(_ jobs: [() throws -> T], concurrently: Bool) throws -> [T] {
        guard concurrently, jobs.count > 1 else { return try jobs.map { try $0() } }
        let results = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: jobs.count)
        results.initialize(repeating: nil)
        defer {
            _ = results.deinitialize()
            results.deallocate()
        }
        jobs.withUnsafeBufferPointer { jobs in
            let (shared, slots) = (SharedPointer(jobs), SharedPointer(results))
            DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
                slots[index] = Result { try shared[index]() }
            }
        }
        return try results.map { try $0!.get() }
    }
}
