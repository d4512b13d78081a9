/// Precision, recall and ROC-AUC of multi-label predictions (tagging, as in MTG-Jamendo): per label and
/// averaged as scikit-learn's `average="micro"` and `"macro"`.
///
/// Scores are probabilities or logits `[samples × labels]`, row-major; a label is predicted when its score is at
/// least `threshold`. A label with no positive predictions has precision 0, with no positive targets recall 0
/// (scikit-learn's `zero_division=0`); its ROC-AUC is undefined (NaN) when its targets are all one class, and
/// the macro ROC-AUC averages the defined ones.
public struct MultiLabelMetrics: Sendable {
    /// Per label.
    public let precision: [Double], recall: [Double], rocAUC: [Double]
    /// Over every (sample, label) pair.
    public let microPrecision: Double, microRecall: Double, microROCAUC: Double
    /// The unweighted mean of the per-label values.
    public var macroPrecision: Double { mean(precision) }
    public var macroRecall: Double { mean(recall) }
    public var macroROCAUC: Double { mean(rocAUC.filter { !$0.isNaN }) }

    /// The metrics of `scores` against 0/1 `targets`, both `labelCount` values per sample.
    /// - Throws: `MetricError.shape` when the sizes disagree or a target is neither 0 nor 1.
    public init(scores: [Float], targets: [Float], labelCount: Int, threshold: Float = 0.5) throws {
        guard labelCount > 0, scores.count == targets.count, scores.count % labelCount == 0, !scores.isEmpty else {
            throw MetricError.shape("\(scores.count) scores and \(targets.count) targets for \(labelCount) labels")
        }
        guard targets.allSatisfy({ $0 == 0 || $0 == 1 }) else { throw MetricError.shape("targets must be 0 or 1") }
        let labels = 0..<labelCount
        let column = { (values: [Float], label: Int) in stride(from: label, to: values.count, by: labelCount).map { values[$0] } }
        let counts = labels.map { Self.counts(scores: column(scores, $0), targets: column(targets, $0), threshold: threshold) }
        precision = counts.map { Self.ratio($0.truePositives, $0.truePositives + $0.falsePositives) }
        recall = counts.map { Self.ratio($0.truePositives, $0.truePositives + $0.falseNegatives) }
        rocAUC = labels.map { Self.rocAUC(scores: column(scores, $0), targets: column(targets, $0)) }
        let total = Self.counts(scores: scores, targets: targets, threshold: threshold)
        microPrecision = Self.ratio(total.truePositives, total.truePositives + total.falsePositives)
        microRecall = Self.ratio(total.truePositives, total.truePositives + total.falseNegatives)
        microROCAUC = Self.rocAUC(scores: scores, targets: targets)
    }

    private static func counts(scores: [Float], targets: [Float], threshold: Float)
        -> (truePositives: Int, falsePositives: Int, falseNegatives: Int) {
        var result = (truePositives: 0, falsePositives: 0, falseNegatives: 0)
        for (score, target) in zip(scores, targets) {
            switch (score >= threshold, target == 1) {
            case (true, true): result.truePositives += 1
            case (true, false): result.falsePositives += 1
            case (false, true): result.falseNegatives += 1
            case (false, false): break
            }
        }
        return result
    }

    /// The Mann–Whitney form of the area under the ROC curve, ties counted half (average ranks); NaN when the
    /// targets are all one class.
    static func rocAUC(scores: [Float], targets: [Float]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var ranks = [Double](repeating: 0, count: scores.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, scores[order[end + 1]] == scores[order[start]] { end += 1 }
            let averageRank = Double(start + end) / 2 + 1
            for position in start...end { ranks[order[position]] = averageRank }
            start = end + 1
        }
        let positives = targets.filter { $0 == 1 }.count, negatives = targets.count - positives
        guard positives > 0, negatives > 0 else { return .nan }
        let rankSum = zip(ranks, targets).reduce(0.0) { $0 + ($1.1 == 1 ? $1.0 : 0) }
        return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
    }

    private static func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
}

private func mean(_ values: [Double]) -> Double { values.isEmpty ? .nan : values.reduce(0, +) / Double(values.count) }
