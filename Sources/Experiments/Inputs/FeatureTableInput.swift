import AudioIO
import DSP
import Foundation
import GTZAN
import NN
import Tensor

/// Rows of a GTZAN feature table as inputs `[features]`: Kaggle's `features_30_sec.csv` (one row per track)
/// or `features_3_sec.csv` (one row per 3 s segment) when the data folder has them, otherwise the same
/// table computed from the audio with DSP's `GTZANFeatures` (`FeatureTableBuilder`) and cached.
///
/// Inputs are the raw features: the model standardises them with a `FeatureStandardization` layer built
/// from `statistics`, which `makeData` fits on the training split only (so no test statistics leak, and
/// checkpoints carry their statistics). Rows are split by the run's protocol: 3 s rows of one track stay together
/// unless it is `segment`.
public struct FeatureTableInput: InputPipeline {
    /// The standardisation fitted by the last `makeData`, shared with the model builder.
    public final class Statistics {
        public internal(set) var standardizer: Standardizer?
        public init() {}
    }

    public var table: FeatureTableBuilder.Table
    public let statistics = Statistics()

    public init(table: FeatureTableBuilder.Table) {
        self.table = table
    }

    public var sampleShape: [Int] { [GTZANFeatures.columnNames.count] }
    public var usesSegments: Bool { table == .threeSeconds }
    public var summary: String { "the \(sampleShape[0]) features of \(table.fileName), standardised on the training split" }

    /// The model to train: `FeatureStandardization` with the fitted statistics, then `classifier`.
    public func standardized(_ classifier: Module) -> Sequential {
        Sequential(FeatureStandardization(statistics.standardizer, features: sampleShape[0]), classifier)
    }

    public func makeData(_ dataset: LabelledCollection, experiment: Experiment, settings: DataSettings) throws -> ExperimentData {
        let features = try FeatureTableBuilder(table: table, threads: settings.threads)
            .table(of: dataset, genres: settings.labels, cacheDirectory: settings.cacheDirectory)
        guard features.featureNames.count == sampleShape[0] else {
            throw ExperimentError.invalidOption("--data", "the feature table has \(features.featureNames.count) feature columns, "
                                                + "expected \(sampleShape[0])")
        }
        guard !settings.grouping.evaluationProtocol.isLeaky || table == .threeSeconds else {
            throw ExperimentError.invalidOption("--protocol", "segment needs --table 3: the 30 s table has one row per track")
        }
        let planned = try experiment.split.apply(features.rows, dataset: dataset, fold: experiment.fold, grouping: settings.grouping)
        let split = planned.split
        guard !split.train.isEmpty else { throw ExperimentError.emptySplit("training") }
        statistics.standardizer = try Standardizer(fitting: split.train)
        let source = { (rows: [FeatureRow], side: String, training: Bool) throws -> SplitSide in
            guard !rows.isEmpty else { throw ExperimentError.emptySplit(side) }
            let batches = try TensorBatches(inputs: Tensor(rows.flatMap(\.values), shape: [rows.count] + sampleShape),
                                            labels: rows.map(\.label), batchSize: settings.batchSize,
                                            shuffleSeed: EpochSeeds.shuffle(training, seed: settings.seed))
            return try SplitSide(batches, trackIDs: rows.map(\.trackID.description))
        }
        let tracks = { (rows: [FeatureRow]) in Set(rows.map(\.trackID)).count }
        return ExperimentData(train: try source(split.train, "training", true),
                              validation: split.validation.isEmpty ? nil : try source(split.validation, "validation", false),
                              test: try source(split.test, "test", false),
                              classNames: features.genres.map(\.name),
                              splitSummary: "\(features.rows.count) rows of \(table.fileName) (\(tracks(features.rows)) excerpts) "
                                  + "of \(features.genres.count) genres; rows: \(split.summary); tracks: \(planned.table.summary)",
                              splitTable: planned.table)
    }

    /// Samples of the windows a file to classify is cut into with the 30 s table: 30 s at 22050 Hz, the last
    /// window running to the end of the file (a GTZAN clip is one window, as in Kaggle's table).
    public static let classificationWindow = Int(30 * FeatureTableExtractor.sampleRate)

    public func inputs(ofAudioFile url: URL) throws -> Tensor {
        try collectedInputs(ofAudioFile: url)
    }

    /// One row per 30 s window of the file (`classificationWindow`), or per Kaggle 3 s segment, computed as
    /// the file decodes.
    public func forEachInputBatch(ofAudioFile url: URL, batchSize: Int, _ body: (Tensor) throws -> Void) throws {
        let features = GTZANFeatures(sampleRate: Float(FeatureTableExtractor.sampleRate))
        let length = table.segmentLength ?? Self.classificationWindow
        let windows = AudioWindows(sampleRate: FeatureTableExtractor.sampleRate, length: length, hop: length,
                                   extendsLast: table == .thirtySeconds)
        try forEachBatch(of: windows, in: url, batchSize: batchSize, { try features($0).map(Float.init) }, body)
    }
}
