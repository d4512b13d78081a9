import AudioIO
import ConcurrencySupport
import DSP
import Foundation
import NN
import Synchronization

/// Computes GTZAN feature tables in Kaggle's schema (`filename,length,<57 features>,label`) from audio files
/// with DSP's `GTZANFeatures`: one row per file, or one per consecutive segment. Files are analysed `jobs` at
/// a time with a progress bar; a file that cannot be read or is shorter than a segment is skipped and
/// reported, and the rest of the table is still computed.
public struct FeatureTableExtractor: Sendable {
    /// The rate every file is decoded (and resampled) to, librosa's default.
    public static let sampleRate = 22050.0
    /// Kaggle's 3 s rows hold 66149 samples, one short of 3 s at 22050 Hz.
    public static let kaggleThreeSecondLength = segmentLength(seconds: 3)

    /// Segment lengths in seconds that make rows of at least 2 samples (rows are one sample short), up to a day.
    public static let segmentSeconds: ClosedRange<Double> = (3 / sampleRate)...86_400

    /// Samples per row of `seconds`-long segments, as Kaggle counts them: one short of `seconds` at
    /// `sampleRate` (66149 for 3 s).
    public static func segmentLength(seconds: Double) -> Int {
        Int(seconds * sampleRate) - 1
    }
    /// The table's header line.
    public static let header = "filename,length," + GTZANFeatures.columnNames.joined(separator: ",") + ",label"

    /// One audio file to analyse.
    public struct Source: Sendable {
        public var url: URL
        /// The `filename` column without extension: `blues.00000` gives `blues.00000.wav`, or
        /// `blues.00000.3.wav` for segment 3.
        public var stem: String
        public var label: String

        public init(url: URL, stem: String, label: String) {
            self.url = url
            self.stem = stem
            self.label = label
        }
    }

    /// One row of the table.
    public struct Row: Sendable {
        public var name: String
        /// Samples analysed.
        public var length: Int
        public var values: [Double]
    }

    /// The rows of every readable file, in input order, and the files skipped with their errors.
    public struct Table {
        public var lines: [String]
        public var skipped: [(source: Source, error: Error)]

        /// The table of `sources` from their results, in the order of `sources`.
        init(sources: [Source], results: [Result<[String], Error>]) {
            (lines, skipped) = ([], [])
            for (source, result) in zip(sources, results) {
                switch result {
                case let .success(rows): lines += rows
                case let .failure(error): skipped.append((source, error))
                }
            }
        }

        /// The CSV text: header and rows (fields quoted as RFC 4180 says).
        public var csv: String { ([FeatureTableExtractor.header] + lines).joined(separator: "\n") + "\n" }

        /// Writes ``csv`` to `url` atomically.
        /// - Throws: `CheckpointError.io` naming the file and the system's reason ("no space left on device").
        public func write(to url: URL) throws {
            try AtomicFile.write(csv, to: url)
        }

        /// One line per skipped file: its path and the problem.
        public var skippedReport: [String] {
            skipped.map { "\($0.error)".contains($0.source.url.path) ? "\($0.error)" : "\($0.source.url.path): \($0.error)" }
        }
    }

    /// Samples per row, nil for one row per file.
    public var segmentLength: Int?
    public var padMode: PadMode
    /// Files analysed at once; with one, each vector's own work uses every core instead.
    public var jobs: Int

    public init(segmentLength: Int? = nil, padMode: PadMode = .reflect, jobs: Int) {
        self.segmentLength = segmentLength
        self.padMode = padMode
        self.jobs = max(1, jobs)
    }

    /// The table of `sources`, with a progress bar labelled `label` (plain lines when not on a terminal).
    public func table(of sources: [Source], label: String) -> Table {
        Table(sources: sources, results: results(of: sources, label: label))
    }

    /// The CSV lines of every source, or the error that stopped it, in the order of `sources`.
    func results(of sources: [Source], label: String) -> [Result<[String], Error>] {
        var results = [Result<[String], Error>?](repeating: nil, count: sources.count)
        let nextIndex = Atomic(0)
        let bar = ProgressBar(label: label, total: sources.count, plainLines: 9)
        results.withUnsafeMutableBufferPointer { slots in
            let base = SharedPointer(slots)
            DispatchQueue.concurrentPerform(iterations: min(jobs, sources.count)) { _ in
                while true {
                    let index = nextIndex.add(1, ordering: .relaxed).oldValue
                    guard index < sources.count else { return }
                    base[index] = Result { try lines(of: sources[index]) }
                    bar.advance()
                }
            }
        }
        bar.finish()
        return results.map { $0! }
    }

    /// The rows of the audio file `url`, named after `stem`. Segments are analysed as the file decodes
    /// (memory for one segment, whatever the file's length); a whole-file row needs the whole signal.
    /// - Throws: `AudioIOError` for unreadable audio, `DSPError` for audio shorter than a segment.
    public func rows(ofAudioFile url: URL, stem: String) throws -> [Row] {
        let features = GTZANFeatures(sampleRate: Float(Self.sampleRate), padMode: padMode, concurrent: jobs == 1)
        guard let length = segmentLength else {
            // AudioIO opens regular files only: read a symlinked dataset through its targets.
            let samples = try AudioFile.read(url.resolvingSymlinksInPath(), sampleRate: Self.sampleRate, mono: true).samples
            return [Row(name: "\(stem).wav", length: samples.count, values: try features(samples))]
        }
        guard length > 0 else {
            throw DSPError.invalidParameter(name: "segmentLength", value: "\(length)", requirement: "must be positive")
        }
        var rows: [Row] = []
        try AudioWindows(sampleRate: Self.sampleRate, length: length, hop: length).forEach(in: url) { window in
            rows.append(Row(name: "\(stem).\(rows.count).wav", length: length, values: try features(window)))
        }
        guard !rows.isEmpty else {
            let samples = try AudioFile.read(url.resolvingSymlinksInPath(), sampleRate: Self.sampleRate).samples.count
            throw DSPError.signalTooShort(parameter: url.path, length: samples, required: length)
        }
        return rows
    }

    private func lines(of source: Source) throws -> [String] {
        try rows(ofAudioFile: source.url, stem: source.stem).map { row in
            CSVField.line([row.name, String(row.length)] + row.values.map { String($0) } + [source.label])
        }
    }
}
