/// File-wise predictions from segment predictions: the mean of each file's segment probabilities
/// (the published models' "file-wise accuracy": a track is classified by averaging its 3 s segments).
public struct FileAggregation: Equatable, Sendable {
    /// Track identifiers in order of first appearance.
    public let fileIDs: [String]
    /// Mean probabilities per file, one row per entry of `fileIDs`.
    public let probabilities: ClassScores
    /// The target of each file.
    public let targets: [Int]

    /// Averages `segmentProbabilities` (one row per segment) by `fileIDs` (one per segment).
    /// Throws when a file's segments disagree on the target.
    public init(segmentProbabilities: ClassScores, fileIDs segmentFiles: [String], targets segmentTargets: [Int]) throws {
        let classCount = segmentProbabilities.classCount
        guard segmentFiles.count == segmentProbabilities.count, segmentTargets.count == segmentFiles.count else {
            throw MetricError.shape("\(segmentProbabilities.count) segments, \(segmentFiles.count) file ids, "
                                    + "\(segmentTargets.count) targets")
        }
        var order: [String] = [], index: [String: Int] = [:]
        var sums: [Float] = [], counts: [Int] = [], targets: [Int] = []
        for (segment, file) in segmentFiles.enumerated() {
            let slot: Int
            if let existing = index[file] {
                slot = existing
                guard targets[slot] == segmentTargets[segment] else {
                    throw MetricError.shape("file '\(file)' has segments labelled \(targets[slot]) and \(segmentTargets[segment])")
                }
            } else {
                slot = order.count
                index[file] = slot
                order.append(file)
                sums += Array(repeating: 0, count: classCount)
                counts.append(0)
                targets.append(segmentTargets[segment])
            }
            counts[slot] += 1
            for (c, p) in segmentProbabilities.row(segment).enumerated() { sums[slot * classCount + c] += p }
        }
        for slot in order.indices {
            for c in 0..<classCount { sums[slot * classCount + c] /= Float(counts[slot]) }
        }
        fileIDs = order
        probabilities = try ClassScores(values: sums, classCount: classCount)
        self.targets = targets
    }

    /// The file-wise accuracy.
    public var accuracy: Double {
        get throws { try Accuracy.of(probabilities, targets: targets) }
    }
}
