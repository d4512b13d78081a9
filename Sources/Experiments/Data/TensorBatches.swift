import Foundation
import NN
import Tensor

/// Samples held in memory as one tensor, batched by NN's `MiniBatches`: shuffled per epoch (seeded by
/// `seed` and the epoch) or in order.
///
/// The fastest source once inputs are computed; use it when all inputs fit in memory.
public final class TensorBatches: BatchSource {
    /// The samples, `[N] + sampleShape`.
    public let inputs: Tensor
    public let labels: [Int]
    public let trackIDs: [String]
    public let batchSize: Int
    public let shuffle: Bool
    public let seed: UInt64
    public let failure: Error? = nil

    /// - Parameter values: `labels.count` samples of `sampleShape`, one after the other.
    public init(values: [Float], sampleShape: [Int], labels: [Int], trackIDs: [String], batchSize: Int,
                shuffle: Bool, seed: UInt64) throws {
        guard values.count == sampleShape.reduce(1, *) * labels.count, trackIDs.count == labels.count else {
            throw ExperimentError.invalidOption("samples", "\(values.count) values for \(labels.count) samples of \(sampleShape)")
        }
        guard batchSize > 0 else { throw ExperimentError.invalidOption("--batch-size", "\(batchSize) must be positive") }
        guard !labels.isEmpty else { throw ExperimentError.emptySplit("batch source") }
        inputs = try Tensor(values, shape: [labels.count] + sampleShape)
        self.labels = labels
        self.trackIDs = trackIDs
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
    }

    public var count: Int { labels.count }
    public var batchCount: Int { (count + batchSize - 1) / batchSize }

    /// The batches of `epoch`: shuffled with the seed `seed + epoch · φ` (golden-ratio increment) when
    /// `shuffle`, else in sample order.
    public func batches(epoch: Int, limit: Int?) -> EpochBatches {
        let shuffleSeed = shuffle ? seed &+ UInt64(epoch) &* 0x9E37_79B9_7F4A_7C15 : nil
        let batches = try! MiniBatches(inputs: inputs, labels: labels, batchSize: batchSize, shuffleSeed: shuffleSeed)
        let iterator = batches.makeIterator()
        let total = min(batches.count, limit ?? batches.count)
        var produced = 0
        return EpochBatches(count: total) {
            guard produced < total else { return nil }
            produced += 1
            return iterator.next()
        }
    }
}
