import AudioIO
import DSP
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
        /// Samples per row at 22050 Hz; Kaggle's 3 s rows hold 66149 samples (one short of 3 s); nil for whole tracks.
        var segmentLength: Int? { self == .thirtySeconds ? nil : 66_149 }
    }

    public var table: Table
    /// Tracks analysed at once.
    public var threads: Int
    static let sampleRate = 22050.0

    public init(table: Table, threads: Int) {
        self.table = table
        self.threads = max(1, threads)
    }

    /// The table of `dataset`: the layout's own CSV, else the cached computed one (computing it first).
    /// - Throws: `GTZANError` for unreadable tables or audio, `DSPError` for tracks shorter than a row.
    public func table(of dataset: GTZANDataset, genres: [Genre], cacheDirectory: URL?) throws -> FeatureTable {
        if let url = table == .thirtySeconds ? dataset.layout.features30Seconds : dataset.layout.features3Seconds {
            return try FeatureTable(contentsOf: url, genres: genres)
        }
        let cache = cacheDirectory ?? FileManager.default.temporaryDirectory.appendingPathComponent("genrekit-\(UUID())")
        // One folder per dataset root, so copies with the same track names never share a table.
        let key = String(dataset.layout.root.standardizedFileURL.path.map { $0.isLetter || $0.isNumber ? $0 : "_" })
        let directory = cache.appendingPathComponent("features", isDirectory: true).appendingPathComponent(key, isDirectory: true)
        let url = directory.appendingPathComponent(table.fileName)
        if !FileManager.default.fileExists(atPath: url.path) {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try AtomicFile.write(try csv(of: dataset.tracks), to: url)
        }
        return try FeatureTable(contentsOf: url, genres: genres)
    }

    /// The CSV text of `tracks`, computed `threads` tracks at a time with a progress bar.
    func csv(of tracks: [Track]) throws -> String {
        var results = [Result<[String], Error>?](repeating: nil, count: tracks.count)
        let lock = NSLock()
        var done = 0
        let bar = ProgressBar(label: "Features (\(table.fileName))", total: tracks.count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            DispatchQueue.concurrentPerform(iterations: min(threads, tracks.count)) { worker in
                for index in stride(from: worker, to: tracks.count, by: min(threads, tracks.count)) {
                    base[index] = Result { try lines(of: tracks[index]) }
                    lock.lock(); done += 1; bar.update(completed: done); lock.unlock()
                }
            }
        }
        bar.finish()
        let header = "filename,length," + GTZANFeatures.columnNames.joined(separator: ",") + ",label"
        return try ([header] + results.flatMap { try $0!.get() }).joined(separator: "\n") + "\n"
    }

    /// The CSV lines of one track.
    private func lines(of track: Track) throws -> [String] {
        let samples = try AudioFile.read(track.url, sampleRate: Self.sampleRate, mono: true).samples
        return try rows(of: samples, name: track.id.description).map { row in
            ([row.name, String(row.length)] + row.values.map { String($0) } + [track.genre.name]).joined(separator: ",")
        }
    }

    /// The feature rows of the audio file `url` (one, or one per 3 s segment).
    public func rows(ofAudioFile url: URL) throws -> [[Double]] {
        let samples = try AudioFile.read(url, sampleRate: Self.sampleRate, mono: true).samples
        return try rows(of: samples, name: url.lastPathComponent).map(\.values)
    }

    /// Rows named as Kaggle names them (`blues.00000.wav`, `blues.00000.3.wav`).
    private func rows(of samples: [Float], name: String) throws -> [(name: String, length: Int, values: [Double])] {
        let features = GTZANFeatures(sampleRate: Float(Self.sampleRate), concurrent: threads == 1)
        guard let length = table.segmentLength else { return [("\(name).wav", samples.count, try features(samples))] }
        let count = samples.count / length
        guard count > 0 else {
            throw DSPError.signalTooShort(parameter: name, length: samples.count, required: length)
        }
        return try (0..<count).map { index in
            ("\(name).\(index).wav", length, try features(Array(samples[index * length..<(index + 1) * length])))
        }
    }
}
