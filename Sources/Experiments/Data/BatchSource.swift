import Distributed
import NN
import Tensor

/// Labelled mini-batches of one side of a split, epoch by epoch.
///
/// Training sources shuffle per epoch (seeded); evaluation sources keep their sample order, so outputs line
/// up with `labels` and `trackIDs`.
public protocol BatchSource: AnyObject {
    /// Samples per epoch.
    var count: Int { get }
    /// Batches per epoch.
    var batchCount: Int { get }
    /// The label of every sample, in unshuffled order.
    var labels: [Int] { get }
    /// The track of every sample (for file-wise aggregation), in unshuffled order.
    var trackIDs: [String] { get }
    /// The batches of `epoch` (0-based); at most `limit` of them when given.
    func batches(epoch: Int, limit: Int?) -> EpochBatches
    /// The error that ended the last epoch early (e.g. an undecodable file), if any.
    var failure: Error? { get }
    /// This rank's shard of every batch of `epoch` (all of them without `parallel`); see `EpochBatches.sharded(by:)`.
    func batches(epoch: Int, limit: Int?, shardedBy parallel: DataParallel?) -> EpochBatches
}

extension BatchSource {
    /// Slices the whole batches (sources that compute batches on demand compute only their shard instead).
    public func batches(epoch: Int, limit: Int?, shardedBy parallel: DataParallel?) -> EpochBatches {
        batches(epoch: epoch, limit: limit).sharded(by: parallel)
    }
}

/// The mini-batches of one epoch: a single-pass sequence that knows its length (for progress bars).
public struct EpochBatches: Sequence, IteratorProtocol {
    /// Batches this epoch will yield.
    public let count: Int
    private let produce: () -> LabelledBatch?

    /// `count` batches drawn from `produce` (which returns nil when done).
    public init(count: Int, produce: @escaping () -> LabelledBatch?) {
        self.count = count
        self.produce = produce
    }

    public mutating func next() -> LabelledBatch? { produce() }

    public var underestimatedCount: Int { count }
}
