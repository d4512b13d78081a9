import GTZAN
import NN

/// Segment inputs computed on a background thread while training (GTZAN's `SegmentBatches`): bounded
/// memory for large inputs and fresh augmentation every epoch.
public final class StreamingBatches: BatchSource {
    public let source: SegmentBatches
    public let labels: [Int]
    public let trackIDs: [String]
    public private(set) var failure: Error?

    public init(_ source: SegmentBatches) {
        self.source = source
        labels = source.segments.map(\.label)
        trackIDs = source.segments.map(\.trackID.description)
    }

    public var count: Int { source.segments.count }
    public var batchCount: Int { source.batchCount }

    public func batches(epoch: Int, limit: Int?) -> EpochBatches {
        let iterator = source.epoch(epoch)
        let total = min(batchCount, limit ?? batchCount)
        var produced = 0
        failure = nil
        return EpochBatches(count: total) { [self] in
            guard produced < total, failure == nil else { return nil }
            do {
                guard let batch = try iterator.next() else { return nil }
                produced += 1
                return (batch.inputs, batch.labels)
            } catch {
                failure = error
                return nil
            }
        }
    }
}
