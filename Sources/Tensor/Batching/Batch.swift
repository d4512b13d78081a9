/// One mini-batch: inputs `[n, …]`, one class label per sample, and which items of its source they are.
///
/// The one batch type of GenreKit: `BatchSource`s produce it, `Trainer` (NN) consumes it, `DataParallel`
/// (Distributed) shards it.
public struct Batch: Sendable {
    /// The samples, `[n, …]`.
    public var inputs: Tensor
    /// One class label per sample.
    public var labels: [Int]
    /// Indices into the source's items (segments, tracks, rows), for file-wise aggregation.
    public var items: [Int]

    /// A batch of `inputs` labelled `labels`; `items` defaults to `0..<labels.count`.
    public init(inputs: Tensor, labels: [Int], items: [Int]? = nil) {
        self.inputs = inputs
        self.labels = labels
        self.items = items ?? Array(labels.indices)
    }
}
