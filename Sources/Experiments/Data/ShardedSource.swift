import Distributed
import GTZAN

/// One rank's view of a GTZAN batch source in data-parallel training: the same global batches in the same
/// order, of which `batch(_:epoch:)` computes only this rank's rows (`DataParallel.shardRange`), so the
/// input work (decoding, spectrograms, augmentation) is divided among the ranks too. A trailing global
/// batch with fewer items than ranks is dropped, as `DataParallel.shard(of:)` skips it.
final class ShardedSource<Source: GTZAN.BatchSource>: GTZAN.BatchSource {
    let source: Source
    let rank: Int
    let ranks: Int

    init(_ source: Source, rank: Int, ranks: Int) {
        self.source = source
        self.rank = rank
        self.ranks = ranks
    }

    var batchSize: Int { source.batchSize }
    var prefetch: Int { source.prefetch }

    func order(epoch: Int) -> [Int] {
        let order = source.order(epoch: epoch)
        let remainder = order.count % batchSize
        return remainder > 0 && remainder < ranks ? Array(order.dropLast(remainder)) : order
    }

    func batch(_ items: [Int], epoch: Int) throws -> Batch {
        try source.batch(Array(items[DataParallel.shardRange(count: items.count, rank: rank, size: ranks)]), epoch: epoch)
    }
}
