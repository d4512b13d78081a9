import Foundation
import GTZAN
import NN
import Tensor

/// Samples held in memory as one flat array: shuffled (seeded, per epoch) or ordered mini-batches.
///
/// The fastest source once inputs are computed; use it when all inputs fit in memory.
public final class TensorBatches: BatchSource {
    /// The shape of one sample, e.g. `[1, 130, 13]`.
    public let sampleShape: [Int]
    public let labels: [Int]
    public let trackIDs: [String]
    public let batchSize: Int
    public let shuffle: Bool
    public let seed: UInt64
    public let failure: Error? = nil
    private let values: [Float]
    private let sampleSize: Int

    /// - Parameter values: `labels.count` samples of `sampleShape`, one after the other.
    public init(values: [Float], sampleShape: [Int], labels: [Int], trackIDs: [String], batchSize: Int,
                shuffle: Bool, seed: UInt64) throws {
        sampleSize = sampleShape.reduce(1, *)
        guard values.count == sampleSize * labels.count, trackIDs.count == labels.count else {
            throw ExperimentError.invalidOption("samples", "\(values.count) values for \(labels.count) samples of \(sampleShape)")
        }
        guard batchSize > 0 else { throw ExperimentError.invalidOption("--batch-size", "\(batchSize) must be positive") }
        guard !labels.isEmpty else { throw ExperimentError.emptySplit("batch source") }
        self.values = values
        self.sampleShape = sampleShape
        self.labels = labels
        self.trackIDs = trackIDs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
    }

    public var count: Int { labels.count }
    public var batchCount: Int { (count + batchSize - 1) / batchSize }

    /// Sample indices in the order of `epoch`: `SplitMix64(seed: seed, stream: epoch)` shuffles them.
    public func order(epoch: Int) -> [Int] {
        var order = Array(0..<count)
        if shuffle {
            var rng = SplitMix64(seed: seed, stream: UInt64(epoch))
            rng.shuffle(&order)
        }
        return order
    }

    public func batches(epoch: Int, limit: Int?) -> EpochBatches {
        let order = order(epoch: epoch)
        let total = min(batchCount, limit ?? batchCount)
        var next = 0
        return EpochBatches(count: total) { [self] in
            guard next < total else { return nil }
            let items = order[next * batchSize..<min(count, (next + 1) * batchSize)]
            next += 1
            return batch(Array(items))
        }
    }

    /// The batch of samples `items`.
    public func batch(_ items: [Int]) -> LabelledBatch {
        let input = Tensor(shape: [items.count] + sampleShape) { buffer in
            values.withUnsafeBufferPointer { source in
                for (row, item) in items.enumerated() {
                    (buffer.baseAddress! + row * sampleSize)
                        .update(from: source.baseAddress! + item * sampleSize, count: sampleSize)
                }
            }
        }
        return (input, items.map { labels[$0] })
    }
}
