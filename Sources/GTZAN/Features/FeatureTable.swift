import Foundation

/// A GTZAN feature table: Kaggle's `features_30_sec.csv` / `features_3_sec.csv` or `gtzan-features` output.
///
/// The `filename`, `length` and `label` columns are dropped; every other column must be numeric and
/// becomes a feature. Track ids come from the file names (`blues.00000.3.wav` → `blues.00000`, segment 3),
/// so 3 s rows can be split by track. Rows of genres outside `genres` are left out on purpose.
public struct FeatureTable: Sendable {
    /// Columns that are not features.
    public static let nonFeatureColumns: Set<String> = ["filename", "length", "label"]

    /// Feature column names, in file order.
    public let featureNames: [String]
    /// The genres kept; a row's `label` indexes this array.
    public let genres: [Genre]
    public let rows: [FeatureRow]

    /// Reads a CSV table.
    /// - Throws: `GTZANError.malformedFile` naming the file, line and column of the first problem.
    public init(contentsOf url: URL, genres: [Genre] = Genre.allCases) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw GTZANError.malformedFile(url, reason: "cannot read the feature table")
        }
        var lines = text.split(whereSeparator: \.isNewline).makeIterator()
        guard let header = lines.next()?.split(separator: ",", omittingEmptySubsequences: false).map(String.init),
              let filenameColumn = header.firstIndex(of: "filename") else {
            throw GTZANError.malformedFile(url, reason: "no header with a 'filename' column")
        }
        let featureColumns = header.indices.filter { !Self.nonFeatureColumns.contains(header[$0]) }
        featureNames = featureColumns.map { header[$0] }
        self.genres = Array(Set(genres)).sorted()
        var rows: [FeatureRow] = []
        var lineNumber = 1
        while let line = lines.next() {
            lineNumber += 1
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw GTZANError.malformedFile(url, reason: "line \(lineNumber): \(fields.count) fields, header has \(header.count)")
            }
            let name = String(fields[filenameColumn])
            let id = try TrackID(parsing: name, file: url)
            guard let label = self.genres.firstIndex(of: id.genre) else { continue }
            let values = try featureColumns.map { column -> Float in
                guard let value = Float(fields[column]) else {
                    throw GTZANError.malformedFile(url, reason: "line \(lineNumber), column '\(header[column])': "
                                                   + "'\(fields[column])' is not a number")
                }
                return value
            }
            rows.append(FeatureRow(trackID: id, segment: Self.segmentIndex(in: name), label: label, values: values))
        }
        guard !rows.isEmpty else { throw GTZANError.malformedFile(url, reason: "no rows of \(self.genres.map(\.name))") }
        self.rows = rows
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
