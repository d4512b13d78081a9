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

    /// The table of `dataset`: the layout's own CSV (rows of `genres`, nil for all), else the cached table computed
    /// from `dataset.tracks` (computing it first).
    /// - Throws: `GTZANError` for unreadable tables or audio, `DSPError` for tracks shorter than a row.
    public func table(of dataset: LabelledCollection, genres: [Genre]?, cacheDirectory: URL?) throws -> FeatureTable {
        if let layout = dataset.gtzanLayout, let url = table == .thirtySeconds ? layout.features30Seconds : layout.features3Seconds {
            return try FeatureTable(contentsOf: url, genres: genres)
        }
        // Without a cache folder the table goes through a temporary one, removed once it is read.
        let cache = cacheDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("genrekit-\(UUID())")
        defer { if cacheDirectory == nil { try? FileManager.default.removeItem(at: cache) } }
        // One folder per collection and track list (a label subset, an FMA subset, files added or skipped give
        // another), so a table always holds the rows of exactly these tracks.
        let place = String(dataset.root.standardizedFileURL.path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        let key = place + "-" + String(Self.fingerprint(of: dataset.tracks), radix: 16)
        let directory = cache.appendingPathComponent("features", isDirectory: true).appendingPathComponent(key, isDirectory: true)
        let url = directory.appendingPathComponent(table.fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(try csv(of: dataset.tracks), to: url)
        }
        return try FeatureTable(contentsOf: url, segmented: table == .threeSeconds)
    }

    /// FNV-1a (64 bit) of every track's id and path: the same tracks always give the same number.
    static func fingerprint(of tracks: [Track]) -> UInt64 {
        tracks.reduce(into: 0xCBF2_9CE4_8422_2325 as UInt64) { hash, track in
            for byte in "\(track.id)\t\(track.url.path)\n".utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
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
