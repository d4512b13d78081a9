import AudioIO
import DSP
import Foundation
import GTZAN
import NN
import Tensor

/// Inputs computed per audio segment (GTZAN's `Segmentation` + `InputRepresentation`): MFCC slices,
/// mel or power spectrograms, chroma — one channel of `rows × columns` per segment.
///
/// Sides whose inputs fit in `memoryLimit` bytes are computed once, in parallel, and held in memory;
/// larger sides, and the training side when augmenting, stream from a background thread that decodes and
/// transforms each segment afresh every epoch (cheaper than an on-disk cache of gigabytes of spectrograms),
/// so memory stays bounded.
public struct SegmentInput: InputPipeline {
    public var segmentation: Segmentation
    public var representation: InputRepresentation
    /// Applied to training segments only, drawn afresh every epoch from the run's seed; nil for none.
    public var augmentation: Augmentation?
    /// The largest side (in bytes of inputs) held in memory.
    public var memoryLimit: Int

    public init(segmentation: Segmentation, representation: InputRepresentation, augmentation: Augmentation? = nil,
                memoryLimit: Int = 1 << 30) {
        self.segmentation = segmentation
        self.representation = representation
        self.augmentation = augmentation
        self.memoryLimit = memoryLimit
    }

    public var sampleShape: [Int] {
        let shape = representation.shape(samples: segmentation.length)
        return [1, shape.rows, shape.columns]
    }

    public var usesSegments: Bool { true }

    public var summary: String {
        "\(representation) of \(segmentation.seconds) s segments, \(Int(segmentation.overlap * 100)) % overlap"
            + (augmentation.map { " (augmented: \($0))" } ?? "")
    }

    public func makeData(_ dataset: LabelledCollection, experiment: Experiment, settings: DataSettings) throws -> ExperimentData {
        guard !dataset.tracks.isEmpty else {
            throw ExperimentError.emptySplit("audio (no excerpt with audio in \(dataset.root.path): \(dataset.contents))")
        }
        let planned = try experiment.split.apply(segmentation.segments(of: dataset.tracks), dataset: dataset,
                                                 fold: experiment.fold, grouping: settings.grouping)
        let split = planned.split
        let source = { (segments: [Segment], side: String, training: Bool) throws -> SplitSide in
            guard !segments.isEmpty else { throw ExperimentError.emptySplit(side) }
            var augmentation = training ? self.augmentation : nil
            augmentation?.seed = settings.seed
            let batches = try SegmentBatches(segments: segments, segmentation: segmentation, representation: representation,
                                             batchSize: settings.batchSize, shuffle: training, seed: settings.seed,
                                             augmentation: augmentation, workers: settings.threads)
            let bytes = segments.count * sampleShape.reduce(4, *)
            let trackIDs = segments.map(\.trackID.description)
            guard augmentation == nil, bytes <= memoryLimit else { return try SplitSide(batches, trackIDs: trackIDs) }
            return try SplitSide(materialize(batches, side: side), trackIDs: trackIDs)
        }
        return ExperimentData(train: try source(split.train, "training", true),
                              validation: split.validation.isEmpty ? nil : try source(split.validation, "validation", false),
                              test: try source(split.test, "test", false),
                              classNames: dataset.genres.map(\.name),
                              splitSummary: "\(dataset.tracks.count) excerpts with audio of \(dataset.genres.count) genres; "
                                  + "segments: \(split.summary); tracks: \(planned.table.summary)",
                              splitTable: planned.table)
    }

    /// Computes every input of `batches` once (parallel over segments) into a `TensorBatches`.
    private func materialize(_ batches: SegmentBatches, side: String) throws -> TensorBatches {
        let chunk = 256
        let bar = ProgressBar(label: "Inputs (\(side))", total: batches.segments.count)
        var values: [Float] = []
        values.reserveCapacity(batches.segments.count * sampleShape.reduce(1, *))
        for start in stride(from: 0, to: batches.segments.count, by: chunk) {
            let items = Array(start..<min(batches.segments.count, start + chunk))
            values += try batches.batch(items).inputs.scalars
            bar.update(completed: items.last! + 1)
        }
        bar.finish()
        return try TensorBatches(inputs: Tensor(values, shape: [batches.segments.count] + sampleShape), labels: batches.labels,
                                 batchSize: batches.batchSize, shuffleSeed: EpochSeeds.shuffle(batches.shuffle, seed: batches.seed))
    }

    public func inputs(ofAudioFile url: URL) throws -> Tensor {
        try collectedInputs(ofAudioFile: url)
    }

    /// The segments of `segmentation` as the file decodes; a file shorter than one segment is zero-padded to one.
    public func forEachInputBatch(ofAudioFile url: URL, batchSize: Int, _ body: (Tensor) throws -> Void) throws {
        let extractor = try FeatureExtractor(representation, sampleRate: Float(segmentation.sampleRate))
        let windows = AudioWindows(sampleRate: segmentation.sampleRate, length: segmentation.length,
                                   hop: segmentation.hop, padsShortSignal: true)
        try forEachBatch(of: windows, in: url, batchSize: batchSize, { try extractor($0).values }, body)
    }
}
