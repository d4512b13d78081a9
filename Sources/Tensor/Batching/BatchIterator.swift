import Foundation

/// The batches of one epoch of a `BatchSource`; a background thread computes up to `prefetch` batches ahead.
/// Dropping the iterator early stops the thread.
///
/// A single-pass sequence that knows its planned length (`count`, for progress bars; `underestimatedCount`
/// stays 0, as a failing batch ends the epoch early, and `Array(_:)` traps on a sequence shorter than its
/// `underestimatedCount`). When building a batch throws (e.g. an undecodable file), the sequence ends and `failure` holds the error; `Trainer` rethrows
/// it, and `nextBatch()` throws it directly.
public final class BatchIterator: Sequence, IteratorProtocol {
    /// Batches this epoch yields when none fails.
    public let count: Int
    /// The error that ended the epoch early, if any.
    public private(set) var failure: Error?
    private let queue: BlockingQueue<Result<Batch, Error>>

    init(source: any BatchSource, epoch: Int, limit: Int?) {
        let order = source.order(epoch: epoch)
        let batchSize = source.batchSize
        let count = Swift.min((order.count + batchSize - 1) / batchSize, Swift.max(0, limit ?? .max))
        let queue = BlockingQueue<Result<Batch, Error>>(capacity: source.prefetch)
        (self.count, self.queue) = (count, queue)
        let thread = Thread {
            for start in stride(from: 0, to: count * batchSize, by: batchSize) {
                let items = Array(order[start..<Swift.min(order.count, start + batchSize)])
                let result = Result { try source.batch(items, epoch: epoch) }
                guard queue.put(result) else { return }
                if case .failure = result { break }
            }
            queue.close()
        }
        thread.name = "BatchIterator"
        thread.start()
    }

    deinit { queue.close() }

    /// The next batch, nil at the end of the epoch.
    /// - Throws: the error that stopped the background thread (also kept in `failure`).
    public func nextBatch() throws -> Batch? {
        do {
            return try queue.take()?.get()
        } catch {
            failure = error
            queue.close()
            throw error
        }
    }

    /// The next batch; nil at the end of the epoch or once a batch failed (see `failure`).
    public func next() -> Batch? {
        guard failure == nil else { return nil }
        return try? nextBatch()
    }
}

