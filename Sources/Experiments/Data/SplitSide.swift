import Distributed
import Tensor

/// One side of a split (training, validation or test): its batch source and the track of every item, for
/// file-wise aggregation.
///
/// Training sides shuffle per epoch (seeded); evaluation sides keep their item order, so outputs line up with
/// `labels` and `trackIDs`.
public struct SplitSide {
    /// The batches, epoch by epoch.
    public let source: any BatchSource
    /// The track of every item, in item order.
    public let trackIDs: [String]

    /// - Throws: `ExperimentError.invalidOption` unless there is one track per item.
    public init(_ source: any BatchSource, trackIDs: [String]) throws {
        guard trackIDs.count == source.count else {
            throw ExperimentError.invalidOption("samples", "\(trackIDs.count) track IDs for \(source.count) samples")
        }
        self.source = source
        self.trackIDs = trackIDs
    }

    /// Items per epoch.
    public var count: Int { source.count }
    /// The label of every item, in item order.
    public var labels: [Int] { source.labels }

    /// The batches of `epoch`, at most `limit` of them; with `parallel`, only this rank's shard of each
    /// (`ShardedBatchSource`).
    public func batches(epoch: Int, limit: Int?, shardedBy parallel: DataParallel? = nil) -> BatchIterator {
        guard let parallel else { return source.epoch(epoch, limit: limit) }
        return source.sharded(by: parallel).epoch(epoch, limit: limit)
    }
}
