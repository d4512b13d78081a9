extension Tensor {
    /// `[indices.count, classCount]` rows that are 1 at each index and 0 elsewhere (as
    /// `torch.nn.functional.one_hot`).
    ///
    /// - Precondition: every index is in `0..<classCount`.
    public static func oneHot(_ indices: [Int], classCount: Int) -> Tensor {
        var result = Tensor.zeros([indices.count, classCount])
        result.withUnsafeMutableBufferPointer { rows in
            for (row, index) in indices.enumerated() {
                precondition((0..<classCount).contains(index),
                             "oneHot: index \(index) at position \(row) is outside 0..<\(classCount)")
                rows[row * classCount + index] = 1
            }
        }
        return result
    }
}
