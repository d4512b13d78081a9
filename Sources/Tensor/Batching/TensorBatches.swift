/// Samples held in memory as one tensor, batched as a PyTorch `DataLoader` over a `TensorDataset`: the samples
/// are the rows of `inputs` (`[N, …]`), in order or shuffled per epoch by a seed.
///
/// The fastest source once inputs are computed; use it when all inputs fit in memory.
///
/// ```swift
/// let train = try TensorBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: { 42 &+ UInt64($0) })
/// let valid = try TensorBatches(inputs: xv, labels: yv, batchSize: 256)
/// try trainer.fit(training: train, validation: valid)
/// ```
public final class TensorBatches: BatchSource, Sendable {
    /// The samples, `[N, …]`.
    public let inputs: Tensor
    public let labels: [Int]
    public let batchSize: Int
    public let prefetch: Int
    /// The seed of epoch `e`'s permutation (`RandomGenerator(seed:)` through the standard `shuffle(using:)`);
    /// nil keeps sample order.
    public let shuffleSeed: (@Sendable (_ epoch: Int) -> UInt64)?

    /// - Throws: `TensorError.invalidBatch` unless `inputs` holds one sample per label and `batchSize` is positive.
    public init(inputs: Tensor, labels: [Int], batchSize: Int, shuffleSeed: (@Sendable (_ epoch: Int) -> UInt64)? = nil,
                prefetch: Int = 2) throws {
        guard inputs.rank >= 1, inputs.shape[0] == labels.count, !labels.isEmpty else {
            throw TensorError.invalidBatch(source: "TensorBatches", reason: "inputs \(inputs.shape) do not hold one sample per label (\(labels.count) labels)")
        }
        guard batchSize > 0 else { throw TensorError.invalidBatch(source: "TensorBatches", reason: "batch size \(batchSize) must be positive") }
        self.inputs = inputs
        self.labels = labels
        self.batchSize = batchSize
        self.shuffleSeed = shuffleSeed
        self.prefetch = max(1, prefetch)
    }

    public func order(epoch: Int) -> [Int] {
        var order = Array(labels.indices)
        if let shuffleSeed {
            var generator = RandomGenerator(seed: shuffleSeed(epoch))
            order.shuffle(using: &generator)
        }
        return order
    }

    /// The rows `items` of `inputs`, copied into a new tensor.
    public func batch(_ items: [Int], epoch: Int = 0) throws -> Batch {
        let sampleSize = inputs.shape.dropFirst().reduce(1, *)
        let rows = Tensor(shape: [items.count] + inputs.shape.dropFirst()) { out in
            inputs.withUnsafeBufferPointer { source in
                for (row, index) in items.enumerated() {
                    (out.baseAddress! + row * sampleSize).initialize(from: source.baseAddress! + index * sampleSize, count: sampleSize)
                }
            }
        }
        return Batch(inputs: rows, labels: items.map { labels[$0] }, items: items)
    }
}
