import Foundation

/// Idle objects kept for reuse across calls, so repeated work of the same shape neither allocates
/// nor faults in fresh pages: FFT buffers, feature workspaces. Holds at most as many objects per
/// key as were in use at once.
// @unchecked: `idle` is touched only under `lock`, and an object is lent to one caller at a time.
final class ReusePool<Key: Hashable, Object>: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [Key: [Object]] = [:]
    private let make: (Key) -> Object

    /// A pool that creates objects for a key with `make` when none is idle.
    init(make: @escaping (Key) -> Object) {
        self.make = make
    }

    /// Runs `body` with an object for `key` that no other thread uses meanwhile.
    func withObject<Result>(for key: Key, _ body: (Object) throws -> Result) rethrows -> Result {
        lock.lock()
        let object = idle[key]?.popLast()
        lock.unlock()
        let lent = object ?? make(key)
        defer {
            lock.lock()
            idle[key, default: []].append(lent)
            lock.unlock()
        }
        return try body(lent)
    }
}
