import Foundation

/// A feature table: Kaggle's GTZAN `features_30_sec.csv` / `features_3_sec.csv`, or `gtzan-features` output for
/// any collection.
///
/// The `filename`, `length` and `label` columns are dropped; every other column must be numeric and
/// becomes a feature. A row's label is its `label` column, any name (without that column, the GTZAN genre of
/// its file name). Its track is named by the file name without extension and without a leading `<label>.`
/// (`Rock.000002.wav` → `Rock.000002`); GTZAN names parse as GTZAN ids (`blues.00000.3.wav` → `blues.00000`,
/// segment 3). Rows are segments when every name ends in `.<segment number>` before the extension (3 s tables),
/// so they can be split by track. Rows of labels outside `genres` are left out on purpose; the labels index the
/// labels that have rows, in name order.
public struct FeatureTable: Sendable {
    /// Columns that are not features.
    public static let nonFeatureColumns: Set<String> = ["filename", "length", "label"]

    /// Feature column names, in file order.
    public let featureNames: [String]
    /// The labels kept that have rows, in name order (GTZAN's canonical order); a row's `label` indexes this array.
    public let genres: [Genre]
    public let rows: [FeatureRow]

    /// Reads a CSV table, keeping the rows of `genres` (nil: every label). `segmented` says whether rows are
    /// segments (`<track>.<segment>.wav`); nil detects it from the names.
    /// - Throws: `GTZANError.malformedFile` naming the file, line and column of the first problem.
    public init(contentsOf url: URL, genres: [Genre]? = nil, segmented: Bool? = nil) throws {
        let file = try CommaSeparatedValues(contentsOf: url)
        let kept = genres.map(Set.init)
        var header: [String] = []
        var (filenameColumn, labelColumn): (Int, Int?) = (0, nil)
        var featureColumns: [Int] = []
        var named: [(name: Name, values: [Float])] = []
        try file.forEachLine { lineNumber, fields in
            guard !header.isEmpty else {
                header = (0..<fields.count).map(fields.string)
                guard let column = header.firstIndex(of: "filename") else {
                    throw GTZANError.malformedFile(url, reason: "no header with a 'filename' column")
                }
                (filenameColumn, labelColumn) = (column, header.firstIndex(of: "label"))
                featureColumns = header.indices.filter { !Self.nonFeatureColumns.contains(header[$0]) }
                return
            }
            guard fields.count == header.count else {
                throw GTZANError.malformedFile(url, reason: "line \(lineNumber): \(fields.count) fields, header has \(header.count)")
            }
            let name = try Name(fields.string(filenameColumn), label: labelColumn.map(fields.string), file: url)
            guard kept?.contains(name.label) ?? true else { return }
            let values = try featureColumns.map { column -> Float in
                guard let value = fields.float(column) else {
                    throw GTZANError.malformedFile(url, reason: "line \(lineNumber), column '\(header[column])': "
                                                   + "'\(fields.string(column))' is not a number")
                }
                return value
            }
            named.append((name, values))
        }
        guard !header.isEmpty else { throw GTZANError.malformedFile(url, reason: "no header with a 'filename' column") }
        guard !named.isEmpty else {
            throw GTZANError.malformedFile(url, reason: "no rows" + (genres.map { " of \($0.map(\.name))" } ?? ""))
        }
        featureNames = featureColumns.map { header[$0] }
        let labels = LabelSet(named.map(\.name.label))
        let segmented = segmented ?? named.allSatisfy { $0.name.segment != nil }
        self.genres = labels.labels
        rows = named.map { name, values in
            FeatureRow(trackID: name.track(segmented: segmented), segment: segmented ? name.segment : nil,
                       label: labels.index(of: name.label)!, values: values)
        }
    }

    /// What a row's `filename` and `label` say: the label, the track name and a trailing segment number.
    private struct Name {
        let label: Genre
        /// The file name without extension and leading `<label>.`, e.g. `00000.3` or `000002`.
        let stem: String
        /// The digits after the stem's last dot (`3` in `00000.3`), when there are some.
        let segmentDigits: Substring?
        /// The GTZAN id, when the file name is a GTZAN name of the row's label.
        let gtzan: TrackID?

        init(_ filename: String, label: String?, file: URL) throws {
            var stem = filename
            if LabelledCollection.audioExtensions.contains((stem as NSString).pathExtension.lowercased()) {
                stem = (stem as NSString).deletingPathExtension
            }
            let digits = { (text: Substring) in !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber } }
            if let label, !label.isEmpty {
                self.label = Genre(label)
                let parsed = (try? TrackID(parsing: filename)).flatMap { $0.genre.name == label ? $0 : nil }
                gtzan = parsed.flatMap { id in
                    stem == id.description || (stem.hasPrefix(id.description + ".") && digits(stem.dropFirst(id.description.count + 1)))
                        ? id : nil
                }
            } else {
                gtzan = try TrackID(parsing: filename, file: file)
                self.label = gtzan!.genre
            }
            if stem.hasPrefix(self.label.name + ".") { stem.removeFirst(self.label.name.count + 1) }
            let last = stem.split(separator: ".", omittingEmptySubsequences: false).last ?? ""
            segmentDigits = stem.contains(".") && digits(last) ? last : nil
            self.stem = stem
        }

        var segment: Int? { segmentDigits.flatMap { Int($0) } }

        /// The track this row belongs to: its GTZAN id, else `<label>.<stem>` without the segment number of a
        /// segmented table.
        func track(segmented: Bool) -> TrackID {
            if let gtzan { return gtzan }
            guard segmented, let segmentDigits else { return TrackID(genre: label, name: stem) }
            return TrackID(genre: label, name: String(stem.dropLast(segmentDigits.count + 1)))
        }
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
