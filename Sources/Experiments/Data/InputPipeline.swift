import Foundation
import GTZAN
import Tensor

/// Turns a labelled collection into batch sources, and an audio file into model inputs.
///
/// `SegmentInput` covers every audio-based example; examples on other inputs (feature tables, spectrogram
/// images) supply their own conformance.
public protocol InputPipeline {
    /// The shape of one sample without the batch axis, e.g. `[1, 130, 13]`.
    var sampleShape: [Int] { get }
    /// True when samples are segments of tracks, so file-wise accuracy is reported too.
    var usesSegments: Bool { get }
    /// A one-line description for reports.
    var summary: String { get }
    /// The training, validation and test sources of `experiment`'s split of the collection `dataset`.
    func makeData(_ dataset: LabelledCollection, experiment: Experiment, settings: DataSettings) throws -> ExperimentData
    /// The model inputs of every segment of the audio file `url`, `[segments] + sampleShape`.
    func inputs(ofAudioFile url: URL) throws -> Tensor
    /// The same inputs in batches of at most `batchSize` segments, computed as the file decodes, so that
    /// classifying a long file needs the memory of one batch (the default computes them all at once).
    func forEachInputBatch(ofAudioFile url: URL, batchSize: Int, _ body: (Tensor) throws -> Void) throws
}

extension InputPipeline {
    public func forEachInputBatch(ofAudioFile url: URL, batchSize: Int, _ body: (Tensor) throws -> Void) throws {
        try body(try inputs(ofAudioFile: url))
    }

    /// Inputs of `sampleShape` computed per window of `windows` in `url`, passed on in batches of `batchSize`.
    /// - Throws: `ExperimentError.unusableFile` when the file holds no whole window.
    func forEachBatch(of windows: AudioWindows, in url: URL, batchSize: Int,
                      _ input: ([Float]) throws -> [Float], _ body: (Tensor) throws -> Void) throws {
        var values: [Float] = []
        var pending = 0
        func flush() throws {
            try body(try Tensor(values, shape: [pending] + sampleShape))
            values.removeAll(keepingCapacity: true)
            pending = 0
        }
        let count = try windows.forEach(in: url) { window in
            values += try input(window)
            pending += 1
            if pending == batchSize { try flush() }
        }
        if pending > 0 { try flush() }
        guard count > 0 else {
            throw ExperimentError.unusableFile(url, "shorter than one segment of \(windows.length) samples ("
                                               + String(format: "%.2f s at %g Hz)", Double(windows.length) / windows.sampleRate, windows.sampleRate))
        }
    }

    /// Every batch of `forEachInputBatch` in one tensor.
    func collectedInputs(ofAudioFile url: URL) throws -> Tensor {
        var values: [Float] = []
        var count = 0
        try forEachInputBatch(ofAudioFile: url, batchSize: 64) { batch in
            values += batch.scalars
            count += batch.shape[0]
        }
        return try Tensor(values, shape: [count] + sampleShape)
    }
}

/// Run-wide choices a pipeline needs: batch size, seed, threads, where it may cache.
public struct DataSettings {
    public var batchSize: Int
    /// Seeds shuffling and augmentation.
    public var seed: UInt64
    /// Threads computing inputs.
    public var threads: Int
    /// Where computed inputs may be cached; nil for no cache.
    public var cacheDirectory: URL?
    /// What splits keep on one side (the run's protocol, artists and replicas).
    public var grouping: TrackGrouping
    /// The labels the run asked for (nil: every label of the data); inputs read from tables keep these rows.
    public var labels: [Genre]?

    public init(batchSize: Int, seed: UInt64, threads: Int, cacheDirectory: URL?, grouping: TrackGrouping = .byTrack,
                labels: [Genre]? = nil) {
        self.batchSize = batchSize
        self.seed = seed
        self.threads = threads
        self.cacheDirectory = cacheDirectory
        self.grouping = grouping
        self.labels = labels
    }
}

/// The batch sources of one run.
public struct ExperimentData {
    public var train: SplitSide
    /// Nil when the split plan has no validation side.
    public var validation: SplitSide?
    public var test: SplitSide
    /// The genres present in the data used, in label order: the model has one output per name.
    public var classNames: [String]
    /// What was used and how it was split, for the report.
    public var splitSummary: String
    /// The side (and fold) of every track, for `split.csv`.
    public var splitTable: SplitTable

    public init(train: SplitSide, validation: SplitSide?, test: SplitSide, classNames: [String], splitSummary: String,
                splitTable: SplitTable) {
        self.train = train
        self.validation = validation
        self.test = test
        self.classNames = classNames
        self.splitSummary = splitSummary
        self.splitTable = splitTable
    }
}
