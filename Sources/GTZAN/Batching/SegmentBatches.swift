import DSP
import Foundation
import Tensor

/// Shuffled mini-batches of segment inputs, computed on a background thread while the caller trains.
///
/// Memory stays bounded: only `prefetch` batches wait in the queue, and each is built from one
/// segment's audio at a time (tracks at the segmentation's rate are read with a seek). Epoch `e` visits
/// the segments in the order `RandomGenerator(seed: seed, stream: e)` shuffles them to (input order without
/// shuffling); augmentation draws from its own per-segment stream (see `Augmentation`).
public final class SegmentBatches: BatchSource, Sendable {
    public let segments: [Segment]
    public let segmentation: Segmentation
    public let extractor: FeatureExtractor
    public let batchSize: Int
    public let shuffle: Bool
    public let seed: UInt64
    public let augmentation: Augmentation?
    public let cache: FeatureCache?
    /// Batches computed ahead of the consumer.
    public let prefetch: Int
    /// Threads computing the inputs of one batch (1: the background thread alone).
    public let workers: Int

    /// - Throws: `GTZANError.invalidParameter` for an empty segment list or a non-positive batch size.
    public init(segments: [Segment], segmentation: Segmentation, representation: InputRepresentation,
                batchSize: Int = 32, shuffle: Bool = true, seed: UInt64 = 0, augmentation: Augmentation? = nil,
                cache: FeatureCache? = nil, prefetch: Int = 2, workers: Int = 1) throws {
        guard !segments.isEmpty else { throw GTZANError.invalidParameter("segments", reason: "no segment to batch") }
        guard batchSize > 0 else { throw GTZANError.invalidParameter("batchSize", reason: "\(batchSize) must be positive") }
        self.segments = segments
        self.segmentation = segmentation
        extractor = try FeatureExtractor(representation, sampleRate: Float(segmentation.sampleRate))
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.augmentation = augmentation
        self.cache = cache
        self.prefetch = max(1, prefetch)
        self.workers = max(1, workers)
    }

    /// The label of every segment.
    public var labels: [Int] { segments.map(\.label) }

    /// `(rows, columns)` of every input.
    public var inputShape: (rows: Int, columns: Int) { extractor.representation.shape(samples: segmentation.length) }

    /// Segment indices in the order epoch `epoch` visits them.
    public func order(epoch: Int) -> [Int] {
        shuffledOrder(count: segments.count, shuffle: shuffle, seed: seed, epoch: epoch)
    }

    /// The input of segment `item` as seen in `epoch` (augmented when augmentation is set).
    public func input(of item: Int, epoch: Int = 0) throws -> Matrix {
        let segment = segments[item]
        var rng = augmentation?.generator(epoch: epoch, item: item)
        var input: Matrix
        if let augmentation, augmentation.altersWaveform, var generator = rng {
            var samples = try SegmentAudioLoader.samples(of: segment, sampleRate: segmentation.sampleRate)
            augmentation.augmentWaveform(&samples, using: &generator)
            input = try extractor(samples)
            rng = generator
        } else {
            input = try cachedInput(of: segment)
        }
        if let augmentation, var generator = rng {
            let timeMajor: Bool
            if case .mfcc = extractor.representation { timeMajor = true } else { timeMajor = false }
            augmentation.mask(&input, timeMajor: timeMajor, using: &generator)
        }
        return input
    }

    private func cachedInput(of segment: Segment) throws -> Matrix {
        let url = cache?.url(for: segment, representation: extractor.representation, segmentation: segmentation)
        if let url, let cached = cache?.load(url) { return cached }
        let input = try extractor(try SegmentAudioLoader.samples(of: segment, sampleRate: segmentation.sampleRate))
        if let url { try cache?.store(input, at: url) }
        return input
    }

    /// Builds the batch of `items` (on the calling thread and `workers − 1` helpers).
    public func batch(_ items: [Int], epoch: Int = 0) throws -> Batch {
        let (rows, columns) = inputShape
        let inputs = try fillTensor(items: items, shape: [1, rows, columns], workers: workers) { item in
            try self.input(of: item, epoch: epoch).values
        }
        return Batch(inputs: inputs, labels: items.map { segments[$0].label }, items: items)
    }
}
