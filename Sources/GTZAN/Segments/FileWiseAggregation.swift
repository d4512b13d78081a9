/// File-wise (track-level) predictions from segment predictions: the class probabilities of a track's
/// segments are averaged and the track is assigned the class of largest mean probability
/// (ties to the lower class index).
public struct FileWiseAggregation: Sendable {
    /// One track's aggregated prediction.
    public struct Prediction: Hashable, Sendable {
        public let trackID: TrackID
        public let label: Int
        public let predicted: Int
        /// Mean class probabilities over the track's segments.
        public let probabilities: [Float]
        public let segmentCount: Int
    }

    /// Predictions in track-id order.
    public let predictions: [Prediction]

    /// - Parameters:
    ///   - items: the segments (or any track items) predicted.
    ///   - probabilities: one probability row per item, all of equal length.
    /// - Throws: `GTZANError.invalidParameter` when the counts or row lengths disagree.
    public init<Item: TrackItem>(items: [Item], probabilities: [[Float]]) throws {
        guard items.count == probabilities.count, let classes = probabilities.first?.count,
              probabilities.allSatisfy({ $0.count == classes }) else {
            throw GTZANError.invalidParameter("probabilities", reason: "\(probabilities.count) rows of unequal or "
                                              + "mismatched length for \(items.count) items")
        }
        var sums: [TrackID: (label: Int, sum: [Float], count: Int)] = [:]
        for (item, row) in zip(items, probabilities) {
            var entry = sums[item.trackID] ?? (item.label, [Float](repeating: 0, count: classes), 0)
            for k in 0..<classes { entry.sum[k] += row[k] }
            entry.count += 1
            sums[item.trackID] = entry
        }
        predictions = sums.keys.sorted().map { id in
            let entry = sums[id]!
            let mean = entry.sum.map { $0 / Float(entry.count) }
            let best = mean.indices.max { mean[$0] < mean[$1] || (mean[$0] == mean[$1] && $0 > $1) }!
            return Prediction(trackID: id, label: entry.label, predicted: best, probabilities: mean, segmentCount: entry.count)
        }
    }

    /// Fraction of tracks predicted correctly.
    public var accuracy: Double {
        predictions.isEmpty ? 0 : Double(predictions.filter { $0.label == $0.predicted }.count) / Double(predictions.count)
    }
}
