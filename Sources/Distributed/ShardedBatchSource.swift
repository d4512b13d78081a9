import Tensor

/// One rank's view of a batch source in data-parallel training: the same global batches in the same order, of
/// which `batch(_:epoch:)` computes only this rank's rows (`DataParallel.shardRange`), so the input work
/// (decoding, spectrograms, augmentation) is divided among the ranks too. A trailing global batch with fewer
/// items than ranks is dropped, as `DataParallel.shard(of:)` skips it. A failing batch aborts the MPI job at
/// once with its error: ending this rank's epoch early would leave the others waiting in a collective.
public final class ShardedBatchSource: BatchSource {
    /// The global source.
    public let source: any BatchSource
    /// The processes sharing the batches; this one computes rank `group.rank`'s rows.
    public let group: ProcessGroup

    /// This rank's shard of `source`'s batches in `parallel`'s process group.
    public init(_ source: any BatchSource, parallel: DataParallel) {
        self.source = source
        group = parallel.group
    }

    public var batchSize: Int { source.batchSize }
    public var prefetch: Int { source.prefetch }
    public var labels: [Int] { source.labels }

    public func order(epoch: Int) -> [Int] {
        let order = source.order(epoch: epoch)
        let remainder = order.count % batchSize
        return remainder > 0 && remainder < group.size ? Array(order.dropLast(remainder)) : order
    }

    public func batch(_ items: [Int], epoch: Int) throws -> Batch {
        let rows = DataParallel.shardRange(count: items.count, rank: group.rank, size: group.size)
        do {
            return try source.batch(Array(items[rows]), epoch: epoch)
        } catch {
            group.abort("training input: \(error)")
        }
    }
}

extension BatchSource {
    /// This rank's shard of every batch (see `ShardedBatchSource`).
    public func sharded(by parallel: DataParallel) -> ShardedBatchSource {
        ShardedBatchSource(self, parallel: parallel)
    }
}
