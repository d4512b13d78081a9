import Foundation

/// Idle ``FFTBlock``s kept for reuse across calls, so repeated transforms of the same size neither
/// allocate nor fault in fresh pages. Holds at most as many blocks per size as ran at once.
final class FFTBlockPool: @unchecked Sendable {
    private struct Key: Hashable {
        var size: Int
        var batch: Int
    }

    /// The process-wide pool.
    static let shared = FFTBlockPool()

    private let lock = NSLock()
    private var idle: [Key: [FFTBlock]] = [:]

    /// Runs `body` with a block of `batch` transforms of `size` points that no other thread uses meanwhile.
    func withBlock<Result>(size: Int, batch: Int, _ body: (FFTBlock) throws -> Result) rethrows -> Result {
        let key = Key(size: size, batch: batch)
        lock.lock()
        let block = idle[key]?.popLast() ?? FFTBlock(size: size, batch: batch)
        lock.unlock()
        defer {
            lock.lock()
            idle[key, default: []].append(block)
            lock.unlock()
        }
        return try body(block)
    }
}
