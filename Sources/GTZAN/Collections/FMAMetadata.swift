import Foundation

/// FMA's subsets. Each holds the smaller ones: `medium` includes `small`, `large` every track.
public enum FMASubset: String, CaseIterable, Comparable, Sendable {
    case small, medium, large

    public static func < (lhs: FMASubset, rhs: FMASubset) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// One track of FMA's `tracks.csv`: the columns a collection needs.
public struct FMATrack: Hashable, Sendable {
    /// `track_id`, the table's index.
    public let id: Int
    /// `track.genre_top`; nil when empty (the track has no single top-level genre).
    public let genreTop: String?
    /// `set.subset`: the smallest subset holding the track.
    public let subset: FMASubset?
    /// `set.split`: `training`, `validation` or `test`.
    public let split: SplitTable.Side?
    /// `artist.id`.
    public let artistID: String?

    public init(id: Int, genreTop: String?, subset: FMASubset?, split: SplitTable.Side?, artistID: String?) {
        self.id = id
        self.genreTop = genreTop
        self.subset = subset
        self.split = split
        self.artistID = artistID
    }
}

/// FMA's `fma_metadata/tracks.csv` (mdeff/fma; `utils.load` reads it with `pd.read_csv(header=[0, 1], index_col=0)`).
///
/// Two header rows name the columns: the first the top level (`album`, `artist`, `set`, `track`), the second
/// the field (`id`, `split`, `subset`, `genre_top`, …); a third row names the index (`track_id`); then one row
/// per track, its id first. Fields follow RFC 4180 (artist bios hold quoted commas and line breaks).
public struct FMAMetadata: Sendable {
    /// Where `tracks.csv` sits in an FMA copy.
    public static let relativePath = "fma_metadata/tracks.csv"
    /// The columns read, as (top level, field).
    static let columns = (genreTop: ("track", "genre_top"), subset: ("set", "subset"), split: ("set", "split"), artist: ("artist", "id"))

    public let url: URL
    /// Every track listed, in file order.
    public let tracks: [FMATrack]

    /// Reads `tracks.csv`.
    /// - Throws: `GTZANError.malformedFile` naming the file (and line) when a header row or needed column is
    ///   missing, a row has another number of fields than the header, or a value is not one FMA uses.
    public init(contentsOf url: URL) throws {
        let file = try CommaSeparatedValues(contentsOf: url)
        var header: [[String]] = []
        var index: (genreTop: Int, subset: Int, split: Int, artist: Int)?
        var tracks: [FMATrack] = []
        try file.forEachLine { line, fields in
            let values = (0..<fields.count).map(fields.string)
            if header.count < 2 {
                header.append(values)
                if header.count == 2 { index = try Self.columnIndices(header, url: url) }
                return
            }
            if values.first == "track_id" && tracks.isEmpty { return }
            guard values.count == header[0].count else {
                throw GTZANError.malformedFile(url, reason: "line \(line): \(values.count) fields, the header has \(header[0].count)")
            }
            tracks.append(try Self.track(values, columns: index!, line: line, url: url))
        }
        guard index != nil else { throw GTZANError.malformedFile(url, reason: "not FMA's tracks.csv: fewer than two header rows") }
        self.url = url
        self.tracks = tracks
    }

    /// The positions of the needed columns in the two header rows.
    private static func columnIndices(_ header: [[String]], url: URL) throws -> (genreTop: Int, subset: Int, split: Int, artist: Int) {
        guard header[0].count == header[1].count else {
            throw GTZANError.malformedFile(url, reason: "not FMA's tracks.csv: its two header rows have \(header[0].count) and "
                                           + "\(header[1].count) fields")
        }
        func column(_ name: (String, String)) throws -> Int {
            guard let index = header[0].indices.first(where: { header[0][$0] == name.0 && header[1][$0] == name.1 }) else {
                throw GTZANError.malformedFile(url, reason: "not FMA's tracks.csv: no column \(name.0).\(name.1) in its two header rows")
            }
            return index
        }
        return (try column(columns.genreTop), try column(columns.subset), try column(columns.split), try column(columns.artist))
    }

    private static func track(_ values: [String], columns: (genreTop: Int, subset: Int, split: Int, artist: Int),
                              line: Int, url: URL) throws -> FMATrack {
        guard let id = Int(values[0]), id >= 0 else {
            throw GTZANError.malformedFile(url, reason: "line \(line): track_id '\(values[0])' is not a track number")
        }
        let subsetName = values[columns.subset]
        guard subsetName.isEmpty || FMASubset(rawValue: subsetName) != nil else {
            throw GTZANError.malformedFile(url, reason: "line \(line): set.subset '\(subsetName)' is not small, medium or large")
        }
        let splitName = values[columns.split]
        let sides: [String: SplitTable.Side] = ["training": .train, "validation": .validation, "test": .test]
        guard splitName.isEmpty || sides[splitName] != nil else {
            throw GTZANError.malformedFile(url, reason: "line \(line): set.split '\(splitName)' is not training, validation or test")
        }
        let nonEmpty = { (text: String) in text.isEmpty ? nil : text }
        return FMATrack(id: id, genreTop: nonEmpty(values[columns.genreTop]), subset: FMASubset(rawValue: subsetName),
                        split: sides[splitName], artistID: nonEmpty(values[columns.artist]))
    }

    /// `tracks.csv` of the FMA copy `path` belongs to: `path/fma_metadata/tracks.csv`, or the one beside `path`
    /// (`path/../fma_metadata/tracks.csv`, for a path naming `fma_small/`); nil when neither exists.
    public static func locate(from path: URL) -> URL? {
        [path, path.standardizedFileURL.deletingLastPathComponent()].map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// The MP3 of track `id` in the FMA copy at `root`: `fma_<subset>/<3 digits>/<6 digits>.mp3`, the 3 digits
    /// being `id / 1000` (as `utils.get_audio_path` builds it).
    public static func audioURL(root: URL, subset: FMASubset, id: Int) -> URL {
        let digits = String(format: "%06d", id)
        return root.appendingPathComponent("fma_\(subset.rawValue)", isDirectory: true)
            .appendingPathComponent(String(digits.prefix(3)), isDirectory: true).appendingPathComponent("\(digits).mp3")
    }
}
