import Foundation

/// A GTZAN feature table: Kaggle's `features_30_sec.csv` / `features_3_sec.csv` or `gtzan-features` output.
///
/// The `filename`, `length` and `label` columns are dropped; every other column must be numeric and
/// becomes a feature. Track ids come from the file names (`blues.00000.3.wav` → `blues.00000`, segment 3),
/// so 3 s rows can be split by track. Rows of genres outside `genres` are left out on purpose; the labels
/// index the genres that have rows.
public struct FeatureTable: Sendable {
    /// Columns that are not features.
    public static let nonFeatureColumns: Set<String> = ["filename", "length", "label"]

    /// Feature column names, in file order.
    public let featureNames: [String]
    /// The genres kept that have rows, in canonical order; a row's `label` indexes this array.
    public let genres: [Genre]
    public let rows: [FeatureRow]

    /// Reads a CSV table.
    /// - Throws: `GTZANError.malformedFile` naming the file, line and column of the first problem.
    public init(contentsOf url: URL, genres: [Genre] = Genre.gtzan) throws {
        let file = try CommaSeparatedValues(contentsOf: url)
        let kept = Array(Set(genres)).sorted()
        var header: [String] = []
        var filenameColumn = 0
        var featureColumns: [Int] = []
        var rows: [FeatureRow] = []
        try file.forEachLine { lineNumber, fields in
            guard !header.isEmpty else {
                header = (0..<fields.count).map(fields.string)
                guard let column = header.firstIndex(of: "filename") else {
                    throw GTZANError.malformedFile(url, reason: "no header with a 'filename' column")
                }
                filenameColumn = column
                featureColumns = header.indices.filter { !Self.nonFeatureColumns.contains(header[$0]) }
                return
            }
            guard fields.count == header.count else {
                throw GTZANError.malformedFile(url, reason: "line \(lineNumber): \(fields.count) fields, header has \(header.count)")
            }
            let name = fields.string(filenameColumn)
            let id = try TrackID(parsing: name, file: url)
            guard kept.contains(id.genre) else { return }
            let values = try featureColumns.map { column -> Float in
                guard let value = fields.float(column) else {
                    throw GTZANError.malformedFile(url, reason: "line \(lineNumber), column '\(header[column])': "
                                                   + "'\(fields.string(column))' is not a number")
                }
                return value
            }
            rows.append(FeatureRow(trackID: id, segment: Self.segmentIndex(in: name), label: 0, values: values))
        }
        guard !header.isEmpty else { throw GTZANError.malformedFile(url, reason: "no header with a 'filename' column") }
        guard !rows.isEmpty else { throw GTZANError.malformedFile(url, reason: "no rows of \(kept.map(\.name))") }
        featureNames = featureColumns.map { header[$0] }
        let present = Array(Set(rows.map(\.trackID.genre))).sorted()
        self.genres = present
        self.rows = rows.map { FeatureRow(trackID: $0.trackID, segment: $0.segment, label: present.firstIndex(of: $0.trackID.genre)!,
                                          values: $0.values) }
    }

    /// `3` in `blues.00000.3.wav`; nil for whole-track names.
    private static func segmentIndex(in name: String) -> Int? {
        let parts = name.split(separator: ".")
        return parts.count == 4 ? Int(parts[2]) : nil
    }
}

/// One row of a feature table.
public struct FeatureRow: TrackItem, Hashable, Sendable {
    public let trackID: TrackID
    /// The 3 s segment index, nil for whole-track rows.
    public let segment: Int?
    public let label: Int
    public var values: [Float]

    public init(trackID: TrackID, segment: Int?, label: Int, values: [Float]) {
        self.trackID = trackID
        self.segment = segment
        self.label = label
        self.values = values
    }
}
