import ConcurrencySupport
import Foundation

/// Runs a throwing job per index on every core and keeps each outcome, so that one bad file never stops the others.
enum ConcurrentResults {
    /// `body(index)` for `0..<count` in parallel: each value or error, in index order.
    static func map<Value>(_ count: Int, _ body: @Sendable (Int) throws -> Value) -> [Result<Value, Error>] {
        let results = UnsafeMutableBufferPointer<Result<Value, Error>?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let slots = SharedPointer(results)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots[index] = Result { try body(index) }
        }
        return results.map { $0! }
    }
}
