/// A source of labelled mini-batches over indexed items (segments, tracks, table rows), iterated epoch by epoch.
///
/// Conformers say which items an epoch visits in which order and how to build the batch of some items;
/// `epoch(_:limit:)` then computes the batches on a background thread, `prefetch` ahead of the consumer.
/// `TensorBatches` holds its samples in memory; GTZAN's `SegmentBatches` and `ImageBatches` compute them from
/// audio and images; Distributed's `ShardedBatchSource` computes one rank's rows of another source's batches.
///
/// ```swift
/// let source = try TensorBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: { 42 &+ UInt64($0) })
/// for batch in source.epoch(0) { print(batch.inputs.shape, batch.labels) }
/// ```
public protocol BatchSource: AnyObject, Sendable {
    /// Items per batch (the last batch of an epoch may be smaller).
    var batchSize: Int { get }
    /// Batches computed ahead of the consumer.
    var prefetch: Int { get }
    /// The class label of every item, in item order.
    var labels: [Int] { get }
    /// Item indices in the order epoch `epoch` visits them.
    func order(epoch: Int) -> [Int]
    /// The batch of `items` as seen in `epoch`.
    func batch(_ items: [Int], epoch: Int) throws -> Batch
}

extension BatchSource {
    /// The number of items.
    public var count: Int { labels.count }

    /// Batches per epoch (the batches of `order(epoch: 0)`).
    public var batchCount: Int { (order(epoch: 0).count + batchSize - 1) / batchSize }

    /// The batches of epoch `epoch` (at most `limit` of them), computed ahead on a background thread.
    public func epoch(_ epoch: Int, limit: Int? = nil) -> BatchIterator {
        BatchIterator(source: self, epoch: epoch, limit: limit)
    }

    /// `0..<count`, shuffled by `RandomGenerator(seed: seed, stream: epoch)` when `shuffle` is set.
    public func shuffledOrder(count: Int, shuffle: Bool, seed: UInt64, epoch: Int) -> [Int] {
        var order = Array(0..<count)
        if shuffle {
            var rng = RandomGenerator(seed: seed, stream: UInt64(epoch))
            rng.shuffle(&order)
        }
        return order
    }
}
