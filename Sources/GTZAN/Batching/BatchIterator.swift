import Foundation

/// Hands out the batches of one epoch; a background thread computes up to `prefetch` batches ahead.
/// Dropping the iterator early stops the thread.
public final class BatchIterator {
    private let queue: BlockingQueue<Result<BatchBox, Error>>

    init(source: BatchSource, epoch: Int) {
        let queue = BlockingQueue<Result<BatchBox, Error>>(capacity: source.prefetch)
        self.queue = queue
        let order = source.order(epoch: epoch)
        let thread = Thread {
            for start in stride(from: 0, to: order.count, by: source.batchSize) {
                let items = Array(order[start..<min(order.count, start + source.batchSize)])
                let result = Result { BatchBox(batch: try source.batch(items, epoch: epoch)) }
                guard queue.put(result) else { return }
                if case .failure = result { break }
            }
            queue.close()
        }
        thread.name = "GTZAN.BatchIterator"
        thread.start()
    }

    deinit { queue.close() }

    /// The next batch, nil at the end of the epoch.
    /// - Throws: the error that stopped the background thread (e.g. an undecodable file).
    public func next() throws -> Batch? {
        try queue.take()?.get().batch
    }
}

/// Moves a batch from the producer thread to the consumer.
struct BatchBox: @unchecked Sendable {
    let batch: Batch
}
