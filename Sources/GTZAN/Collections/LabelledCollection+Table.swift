import Foundation

extension LabelledCollection {
    /// The columns a track table may name in its header.
    static let tableColumns = ["path", "label", "artist"]

    /// A table of tracks, one `path,label[,artist]` row each: CSV, or TSV when the file ends in `.tsv`
    /// (fields as RFC 4180 says, quotes allowed). Paths are relative to the table's folder unless absolute.
    /// The header is optional: a first row whose columns are all named `path`, `label` or `artist` (any case,
    /// any order, `path` and `label` present) is one; otherwise the columns are path, label and, when a row has
    /// a third field, artist. A track is named by its path as written. Listed files that are missing or cannot be
    /// decoded are skipped and reported.
    /// - Parameters:
    ///   - url: the `.csv` or `.tsv` table.
    ///   - labels: the labels to keep (nil: all).
    /// - Throws: `GTZANError.malformedFile` naming the file and line of a bad row (wrong number of fields, an
    ///   empty path or label, a path listed twice) or of an empty table; `unknownLabel`.
    public init(table url: URL, labels: [Genre]? = nil) throws {
        let separator = url.pathExtension.lowercased() == "tsv" ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        let file = try CommaSeparatedValues(contentsOf: url, separator: separator)
        let folder = url.deletingLastPathComponent()
        var header: [String]?
        var firstLine: [String: Int] = [:]
        var candidates: [Candidate] = []
        var hasArtists = false
        try file.forEachLine { line, fields in
            let values = (0..<fields.count).map { fields.string($0).trimmingCharacters(in: .whitespaces) }
            if firstLine.isEmpty, header == nil, let names = Self.tableHeader(values) {
                header = names
                return
            }
            let columns = header ?? Array(Self.tableColumns.prefix(values.count))
            guard values.count == columns.count, header != nil || (2...3).contains(values.count) else {
                throw GTZANError.malformedFile(url, reason: "line \(line): \(values.count) field(s), expected "
                                               + (header.map { "\($0.count) (\($0.joined(separator: ",")))" } ?? "path,label[,artist]"))
            }
            let row = Dictionary(uniqueKeysWithValues: zip(columns, values))
            guard let path = row["path"], !path.isEmpty else { throw GTZANError.malformedFile(url, reason: "line \(line): empty path") }
            guard let label = row["label"], !label.isEmpty else {
                throw GTZANError.malformedFile(url, reason: "line \(line): empty label for \(path)")
            }
            if let first = firstLine[path] {
                throw GTZANError.malformedFile(url, reason: "line \(line): \(path) is listed again (first on line \(first))")
            }
            firstLine[path] = line
            let artist = row["artist"].flatMap { $0.isEmpty ? nil : $0 }
            hasArtists = hasArtists || artist != nil
            let audio = path.hasPrefix("/") ? URL(fileURLWithPath: path) : folder.appendingPathComponent(path)
            candidates.append(Candidate(id: TrackID(genre: Genre(label), name: path), url: audio.standardizedFileURL, artist: artist))
        }
        guard !candidates.isEmpty else { throw GTZANError.malformedFile(url, reason: "no path,label[,artist] row") }
        try self.init(source: .table, root: url, candidates: candidates, skipped: [],
                      artistSource: hasArtists ? "the artist column of \(url.path)" : "none", officialSplit: nil, notes: [],
                      labels: labels)
    }

    /// The lower-cased column names when `values` is a header row (only `path`, `label`, `artist`, each at most
    /// once, with `path` and `label`); nil for a data row.
    private static func tableHeader(_ values: [String]) -> [String]? {
        let names = values.map { $0.lowercased() }
        guard Set(names).count == names.count, names.allSatisfy(tableColumns.contains),
              names.contains("path"), names.contains("label") else { return nil }
        return names
    }
}
