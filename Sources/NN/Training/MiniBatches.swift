import Tensor

/// Mini-batches of an in-memory labelled set, optionally shuffled by a seed (as a PyTorch `DataLoader` over a
/// `TensorDataset`): the samples are the rows of `inputs` (`[N, …]`).
///
/// ```swift
/// let trainer = try Trainer(model: model, optimizer: adam, loss: CrossEntropyLoss(), configuration: .init(epochs: 50))
/// try trainer.fit(training: { epoch in MiniBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: 42 &+ UInt64(epoch)) },
///                 validation: { MiniBatches(inputs: xValid, labels: yValid, batchSize: 256) })
/// ```
public struct MiniBatches: Sequence {
    /// The samples, `[N, …]`.
    public let inputs: Tensor
    /// One class label per sample.
    public let labels: [Int]
    /// Samples per batch (the last batch may be smaller).
    public let batchSize: Int
    /// The sample order: a seeded permutation, or `0..<N`.
    public let order: [Int]

    /// Batches of `batchSize` (the last one may be smaller), shuffled when `shuffleSeed` is given.
    public init(inputs: Tensor, labels: [Int], batchSize: Int, shuffleSeed: UInt64? = nil) throws {
        guard inputs.rank >= 1, inputs.shape[0] == labels.count else {
            throw TrainingError.invalidBatch("inputs \(inputs.shape) do not hold one sample per label (\(labels.count) labels)")
        }
        guard batchSize > 0 else { throw TrainingError.invalidArgument("batchSize \(batchSize) must be positive") }
        self.inputs = inputs
        self.labels = labels
        self.batchSize = batchSize
        var order = Array(labels.indices)
        if let shuffleSeed {
            var generator = RandomGenerator(seed: shuffleSeed)
            order.shuffle(using: &generator)
        }
        self.order = order
    }

    /// The number of batches.
    public var count: Int { (labels.count + batchSize - 1) / batchSize }

    /// The exact number of batches (lets progress bars show an ETA).
    public var underestimatedCount: Int { count }

    /// The batches in `order`, each copied into a new tensor.
    public func makeIterator() -> AnyIterator<LabelledBatch> {
        var start = 0
        let sampleSize = inputs.shape.dropFirst().reduce(1, *)
        return AnyIterator {
            guard start < order.count else { return nil }
            let indices = order[start..<Swift.min(start + batchSize, order.count)]
            start += batchSize
            let batch = Tensor(shape: [indices.count] + inputs.shape.dropFirst()) { out in
                inputs.withUnsafeBufferPointer { source in
                    for (row, index) in indices.enumerated() {
                        (out.baseAddress! + row * sampleSize)
                            .initialize(from: source.baseAddress! + index * sampleSize, count: sampleSize)
                    }
                }
            }
            return (batch, indices.map { labels[$0] })
        }
    }
}
