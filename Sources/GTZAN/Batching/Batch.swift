import Tensor

/// One mini-batch: inputs `[n, channels, rows, columns]`, labels, and which items they are.
public struct Batch {
    public let inputs: Tensor
    public let labels: [Int]
    /// Indices into the source's items (segments or tracks), for file-wise aggregation.
    public let items: [Int]

    public init(inputs: Tensor, labels: [Int], items: [Int]) {
        self.inputs = inputs
        self.labels = labels
        self.items = items
    }
}
