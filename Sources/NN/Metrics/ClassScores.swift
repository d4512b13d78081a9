import Foundation

/// Row-major class scores (logits or probabilities) of `count` samples over `classCount` classes.
///
/// The metrics take scores in this Tensor-free form so that any model output (`Tensor.values` of an
/// `[N, C]` output) or a stored prediction file can be evaluated.
public struct ClassScores: Equatable, Sendable {
    /// `count × classCount` scores, sample by sample.
    public var values: [Float]
    /// Number of classes (columns).
    public let classCount: Int

    /// Wraps `values`; throws unless it holds whole rows of `classCount` scores.
    public init(values: [Float], classCount: Int) throws {
        guard classCount > 0, values.count % classCount == 0 else {
            throw MetricError.shape("\(values.count) scores do not form rows of \(classCount) classes")
        }
        self.values = values
        self.classCount = classCount
    }

    /// Number of samples (rows).
    public var count: Int { values.count / classCount }

    /// The scores of sample `row`.
    public func row(_ row: Int) -> ArraySlice<Float> {
        values[row * classCount..<(row + 1) * classCount]
    }

    /// The highest-scoring class of each sample (the first on ties, as `argmax` in NumPy and PyTorch).
    public var predictedClasses: [Int] {
        (0..<count).map { row in
            let scores = self.row(row)
            var best = scores.startIndex
            for index in scores.indices where scores[index] > scores[best] { best = index }
            return best - scores.startIndex
        }
    }

    /// Row-wise softmax of logits (stable: each row is shifted by its maximum), e.g. before averaging
    /// segments with `FileAggregation`.
    public var probabilities: ClassScores {
        var result = self
        result.values.withUnsafeMutableBufferPointer { buffer in
            for row in 0..<count {
                let scores = UnsafeMutableBufferPointer(rebasing: buffer[row * classCount..<(row + 1) * classCount])
                let largest = scores.max() ?? 0
                var total: Float = 0
                for index in scores.indices {
                    scores[index] = Foundation.exp(scores[index] - largest)
                    total += scores[index]
                }
                for index in scores.indices { scores[index] /= total }
            }
        }
        return result
    }

    /// The `k` highest-scoring classes of sample `row`, best first.
    public func topClasses(_ row: Int, k: Int) -> [Int] {
        let scores = self.row(row)
        return Array(scores.indices.sorted { scores[$0] > scores[$1] || (scores[$0] == scores[$1] && $0 < $1) }
            .prefix(k).map { $0 - scores.startIndex })
    }
}
