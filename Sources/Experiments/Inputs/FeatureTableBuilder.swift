import Foundation
import GTZAN
import NN

/// The GTZAN feature tables of a dataset: Kaggle's CSV when the layout has it, otherwise computed from the
/// audio with DSP's `GTZANFeatures` (the `gtzan-features` schema: `filename,length,<57 features>,label`),
/// written once into the cache and read back through GTZAN's `FeatureTable`.
public struct FeatureTableBuilder {
    /// Which table: one row per 30 s track, or per 3 s segment.
    public enum Table: String, CaseIterable, Sendable {
        case thirtySeconds = "30", threeSeconds = "3"

        /// Kaggle's file name.
        public var fileName: String { self == .thirtySeconds ? "features_30_sec.csv" : "features_3_sec.csv" }
        /// Samples per row at 22050 Hz (Kaggle's 3 s rows); nil for whole tracks.
        var segmentLength: Int? { self == .thirtySeconds ? nil : FeatureTableExtractor.kaggleThreeSecondLength }
    }

    public var table: Table
    /// Tracks analysed at once.
    public var threads: Int

    public init(table: Table, threads: Int) {
        self.table = table
        self.threads = max(1, threads)
    }

    /// The table of `dataset`: the layout's own CSV, else the cached computed one (computing it first).
    /// - Throws: `GTZANError` for unreadable tables or audio, `DSPError` for tracks shorter than a row.
    public func table(of dataset: LabelledCollection, genres: [Genre]?, cacheDirectory: URL?) throws -> FeatureTable {
        if let layout = dataset.gtzanLayout, let url = table == .thirtySeconds ? layout.features30Seconds : layout.features3Seconds {
            return try FeatureTable(contentsOf: url, genres: genres)
        }
        let cache = cacheDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("genrekit-\(UUID())")
        // One folder per collection (root, and FMA subset), so copies with the same track names never share a table.
        var place = dataset.root.standardizedFileURL.path
        if case let .fma(subset) = dataset.source { place += "-fma_\(subset.rawValue)" }
        let key = String(place.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        let directory = cache.appendingPathComponent("features", isDirectory: true).appendingPathComponent(key, isDirectory: true)
        let url = directory.appendingPathComponent(table.fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(try csv(of: dataset.tracks), to: url)
        }
        return try FeatureTable(contentsOf: url, genres: genres, segmented: table == .threeSeconds)
    }

    private var extractor: FeatureTableExtractor { FeatureTableExtractor(segmentLength: table.segmentLength, jobs: threads) }

    /// The CSV text of `tracks`; unreadable tracks are left out and listed on standard error.
    /// - Throws: `GTZANError.malformedFile` when no track could be read.
    func csv(of tracks: [Track]) throws -> String {
        let sources = tracks.map { FeatureTableExtractor.Source(url: $0.url, stem: $0.id.description, label: $0.genre.name) }
        let computed = extractor.table(of: sources, label: "Features (\(table.fileName))")
        if !computed.skipped.isEmpty {
            FileHandle.standardError.write(Data(("skipped \(computed.skipped.count) unreadable tracks:\n"
                + computed.skippedReport.map { "  \($0)\n" }.joined()).utf8))
        }
        guard !computed.lines.isEmpty else {
            throw GTZANError.malformedFile(tracks.first?.url.deletingLastPathComponent() ?? URL(fileURLWithPath: "."),
                                           reason: "no track could be read: \(computed.skippedReport.first ?? "no tracks")")
        }
        return computed.csv
    }
}
