import DSP
import Foundation
import Tensor

/// One mini-batch: inputs `[n, 1, rows, columns]`, labels, and which segments they are.
public struct Batch {
    public let inputs: Tensor
    public let labels: [Int]
    /// Indices into `SegmentBatches.segments`, for file-wise aggregation.
    public let items: [Int]
}

/// Shuffled mini-batches of segment inputs, computed on a background thread while the caller trains.
///
/// Memory stays bounded: only `prefetch` batches wait in the queue, and each is built from one
/// segment's audio at a time (tracks at the segmentation's rate are read with a seek). Epoch `e` visits
/// the segments in the order `SplitMix64(seed: seed, stream: e)` shuffles them to (input order without
/// shuffling); augmentation draws from its own per-segment stream (see `Augmentation`).
public final class SegmentBatches: @unchecked Sendable {
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

    /// `(rows, columns)` of every input.
    public var inputShape: (rows: Int, columns: Int) { extractor.representation.shape(samples: segmentation.length) }

    /// Batches per epoch (the last one may be smaller).
    public var batchCount: Int { (segments.count + batchSize - 1) / batchSize }

    /// Segment indices in the order epoch `epoch` visits them.
    public func order(epoch: Int) -> [Int] {
        var order = Array(segments.indices)
        if shuffle {
            var rng = SplitMix64(seed: seed, stream: UInt64(epoch))
            rng.shuffle(&order)
        }
        return order
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

    /// Builds the batch of `items` (synchronously, on the calling thread and `workers − 1` helpers).
    public func batch(_ items: [Int], epoch: Int = 0) throws -> Batch {
        let (rows, columns) = inputShape
        let size = rows * columns
        var failure: Error?
        let lock = NSLock()
        let inputs = Tensor(shape: [items.count, 1, rows, columns]) { buffer in
            let base = buffer.baseAddress!
            let fill = { (position: Int) in
                do {
                    let input = try self.input(of: items[position], epoch: epoch)
                    guard input.rows == rows, input.columns == columns else {
                        throw GTZANError.invalidParameter("segment \(self.segments[items[position]].trackID)",
                                                          reason: "input \(input.rows)×\(input.columns), expected \(rows)×\(columns)")
                    }
                    input.values.withUnsafeBufferPointer { (base + position * size).update(from: $0.baseAddress!, count: size) }
                } catch {
                    (base + position * size).update(repeating: 0, count: size)
                    lock.lock(); failure = failure ?? error; lock.unlock()
                }
            }
            if workers > 1 {
                DispatchQueue.concurrentPerform(iterations: items.count, execute: fill)
            } else {
                items.indices.forEach(fill)
            }
        }
        if let failure { throw failure }
        return Batch(inputs: inputs, labels: items.map { segments[$0].label }, items: items)
    }

    /// The batches of epoch `epoch`, computed ahead on a background thread.
    public func epoch(_ epoch: Int) -> BatchIterator {
        BatchIterator(source: self, epoch: epoch)
    }
}

/// Hands out the batches of one epoch; a background thread computes up to `prefetch` batches ahead.
/// Dropping the iterator early stops the thread.
public final class BatchIterator {
    private let queue: BlockingQueue<Result<BatchBox, Error>>

    init(source: SegmentBatches, epoch: Int) {
        let queue = BlockingQueue<Result<BatchBox, Error>>(capacity: source.prefetch)
        self.queue = queue
        let order = source.order(epoch: epoch)
        let thread = Thread {
            for start in stride(from: 0, to: order.count, by: source.batchSize) {
                let items = Array(order[start..<min(order.count, start + source.batchSize)])
                let result = Result { BatchBox(batch: try source.batch(items, epoch: epoch)) }
                guard queue.put(result) else { return }
                if case .failure = result { break }
            }
            queue.close()
        }
        thread.name = "GTZAN.BatchIterator"
        thread.start()
    }

    deinit { queue.close() }

    /// The next batch, nil at the end of the epoch.
    /// - Throws: the error that stopped the background thread (e.g. an undecodable file).
    public func next() throws -> Batch? {
        try queue.take()?.get().batch
    }
}

/// Moves a batch from the producer thread to the consumer.
struct BatchBox: @unchecked Sendable {
    let batch: Batch
}
