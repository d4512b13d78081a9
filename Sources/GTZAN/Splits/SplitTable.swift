import Foundation

/// Which side of a split each track is on, written to a run folder as `split.csv`
/// (`track,artist,side,fold`; `fold` is the track's K-fold fold, 1-based, empty for ratio and list splits).
///
/// Under the `segment` protocol one track may be on several sides: it then has one row per side.
public struct SplitTable: Sendable, Equatable {
    /// The sides, in file order.
    public enum Side: String, Sendable, CaseIterable, Comparable {
        case train, validation, test

        public static func < (lhs: Side, rhs: Side) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    /// One line of `split.csv`.
    public struct Row: Sendable, Hashable {
        public let track: TrackID
        /// Nil when the artist is unknown.
        public let artist: String?
        public let side: Side
        /// 0-based K-fold fold, nil for other plans.
        public let fold: Int?
    }

    /// Sorted by track, then side.
    public let rows: [Row]

    /// The rows of `split`, with artists from `grouping` and, for K-fold plans, each track's fold.
    public init<Item: TrackItem>(_ split: DataSplit<Item>, grouping: TrackGrouping, folds: [TrackID: Int]? = nil) {
        let sides = [(Side.train, split.train), (.validation, split.validation), (.test, split.test)]
        rows = Set(sides.flatMap { side, items in
            items.map { Row(track: $0.trackID, artist: grouping.artist(of: $0.trackID), side: side, fold: folds?[$0.trackID]) }
        }).sorted { ($0.track, $0.side) < ($1.track, $1.side) }
    }

    /// The CSV text, header `track,artist,side,fold`; artist ids are quoted when they hold a comma or quote.
    public var csv: String {
        let quoted = { (field: String) in
            field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }
        return (["track,artist,side,fold"] + rows.map { row in
            [row.track.description, quoted(row.artist ?? ""), row.side.rawValue, row.fold.map { String($0 + 1) } ?? ""]
                .joined(separator: ",")
        }).joined(separator: "\n") + "\n"
    }

    /// Tracks per side, e.g. `train 118, validation 25, test 25`.
    public var summary: String {
        Side.allCases.map { side in "\(side.rawValue) \(Set(rows.filter { $0.side == side }.map(\.track)).count)" }
            .joined(separator: ", ")
    }

    /// Distinct known artists per side, e.g. `train 57, validation 10, test 11`.
    public var artistSummary: String {
        Side.allCases.map { side in "\(side.rawValue) \(Set(rows.filter { $0.side == side }.compactMap(\.artist)).count)" }
            .joined(separator: ", ")
    }
}
