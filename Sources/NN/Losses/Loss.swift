import Tensor

/// A classification loss: model output `[N, C]` and integer labels → scalar mean loss.
public protocol Loss {
    /// The mean loss over the batch; differentiable with respect to `output`.
    func callAsFunction(_ output: Tensor, labels: [Int]) -> Tensor
}

extension Tensor {
    /// `[labels.count, classCount]` rows with `onValue` at each label and `offValue` elsewhere.
    static func oneHot(_ labels: [Int], classCount: Int, onValue: Float = 1, offValue: Float = 0) -> Tensor {
        Tensor(shape: [labels.count, classCount]) { buffer in
            buffer.initialize(repeating: offValue)
            for (row, label) in labels.enumerated() {
                precondition((0..<classCount).contains(label), "label \(label) is outside 0..<\(classCount)")
                buffer[row * classCount + label] = onValue
            }
        }
    }

    /// Row-wise log-softmax of `[N, C]` logits, shifted by the detached row maximum for stability.
    func rowLogSoftmax() -> Tensor {
        let shifted = self - self.detached().max(axes: [1], keepDims: true)
        return shifted - shifted.exp().sum(axes: [1], keepDims: true).log()
    }
}

/// Checks that `output` is `[N, C]` with one label per row.
func checkClassification(_ output: Tensor, _ labels: [Int], _ loss: String) {
    precondition(output.rank == 2 && output.shape[0] == labels.count,
                 "\(loss): output \(output.shape) must be [N, classes] with N = \(labels.count) labels")
}
