import Distributed
import GTZAN
import NN
import Tensor

/// Any GTZAN batch source (`ImageBatches`, `SegmentBatches`) as an experiment's batch source: batches are
/// computed on a background thread while the model trains, so memory stays bounded however large the
/// inputs, and augmentation is fresh every epoch.
public final class BackgroundBatches<Source: GTZAN.BatchSource>: BatchSource {
    public let source: Source
    public let labels: [Int]
    public let trackIDs: [String]
    public let count: Int
    public private(set) var failure: Error?
    /// Applied to every batch's inputs (e.g. ImageNet normalisation).
    public let transform: (Tensor) -> Tensor

    /// `source` over items with these labels and tracks (in unshuffled order).
    public init(_ source: Source, labels: [Int], trackIDs: [String], transform: @escaping (Tensor) -> Tensor = { $0 }) {
        self.source = source
        self.labels = labels
        self.trackIDs = trackIDs
        self.transform = transform
        count = labels.count
    }

    public var batchCount: Int { (count + source.batchSize - 1) / source.batchSize }

    public func batches(epoch: Int, limit: Int?) -> EpochBatches {
        batches(from: source.epoch(epoch), limit: limit)
    }

    /// Computes only this rank's shard of every batch (`ShardedSource`). A failing batch aborts the MPI job
    /// at once with its error: ending this rank's epoch early would leave the others in a collective.
    public func batches(epoch: Int, limit: Int?, shardedBy parallel: DataParallel?) -> EpochBatches {
        guard let parallel else { return batches(epoch: epoch, limit: limit) }
        let shards = ShardedSource(source, rank: parallel.group.rank, ranks: parallel.group.size)
        return batches(from: shards.epoch(epoch), limit: limit) { parallel.group.abort("training input: \($0)") }
    }

    private func batches(from iterator: BatchIterator, limit: Int?, onFailure: @escaping (Error) -> Void = { _ in }) -> EpochBatches {
        let total = min(batchCount, limit ?? batchCount)
        var produced = 0
        failure = nil
        return EpochBatches(count: total) { [self] in
            guard produced < total, failure == nil else { return nil }
            do {
                guard let batch = try iterator.next() else { return nil }
                produced += 1
                return (transform(batch.inputs), batch.labels)
            } catch {
                failure = error
                onFailure(error)
                return nil
            }
        }
    }
}

extension BackgroundBatches where Source == SegmentBatches {
    /// Segment inputs streamed from `source`, labelled and grouped by the segments' tracks.
    public convenience init(_ source: SegmentBatches) {
        self.init(source, labels: source.segments.map(\.label), trackIDs: source.segments.map(\.trackID.description))
    }
}
