import AudioIO
import Foundation
import GTZAN
import Tensor

/// One RGB spectrogram image per track, `[3, height, width]` with values 0…255: Kaggle's `images_original`
/// PNGs when the data folder has them, otherwise rendered from the audio (GTZAN's `SpectrogramImageRenderer`:
/// 128-band mel dB through viridis, as the Kaggle images), bilinearly resized. Images stream from a
/// background thread (GTZAN's `ImageBatches`), so the whole dataset never sits in memory.
public struct ImageInput: InputPipeline {
    /// A per-channel normalisation applied to the 0…255 pixels before the model sees them.
    public enum Normalization: String, Sendable {
        /// torchvision's ImageNet preprocessing: `(x / 255 − mean) / std`, mean (0.485, 0.456, 0.406),
        /// std (0.229, 0.224, 0.225) — what ImageNet weights expect.
        case imageNet

        /// The normalised `images` (`[N, 3, H, W]`).
        public func callAsFunction(_ images: Tensor) -> Tensor {
            let mean = try! Tensor([0.485, 0.456, 0.406].map { Float($0) * 255 }, shape: [1, 3, 1, 1])
            let std = try! Tensor([0.229, 0.224, 0.225].map { Float($0) * 255 }, shape: [1, 3, 1, 1])
            return (images - mean) / std
        }
    }

    public var width: Int
    public var height: Int
    /// Nil keeps the pixels in 0…255 (models that rescale themselves).
    public var normalization: Normalization?

    public init(width: Int, height: Int, normalization: Normalization? = nil) {
        self.width = width
        self.height = height
        self.normalization = normalization
    }

    /// The inputs the model sees: `images` normalised when asked.
    func prepared(_ images: Tensor) -> Tensor { normalization.map { $0(images) } ?? images }

    public var sampleShape: [Int] { [3, height, width] }
    public var usesSegments: Bool { false }
    public var summary: String {
        "RGB spectrogram images (images_original, or rendered from audio) resized to \(width) × \(height)"
            + (normalization.map { ", \($0.rawValue) normalisation" } ?? "")
    }

    public func makeData(_ dataset: LabelledCollection, experiment: Experiment, settings: DataSettings) throws -> ExperimentData {
        let planned = try experiment.split.apply(dataset.images, dataset: dataset, fold: experiment.fold, grouping: settings.grouping)
        let split = planned.split
        let source = { (images: [TrackImage], side: String, training: Bool) throws -> SplitSide in
            guard !images.isEmpty else { throw ExperimentError.emptySplit(side) }
            let batches = try ImageBatches(images: images, width: width, height: height, batchSize: settings.batchSize,
                                           shuffle: training, seed: settings.seed, workers: settings.threads,
                                           transform: normalization.map { normalization in { @Sendable in normalization($0) } })
            return try SplitSide(batches, trackIDs: images.map(\.id.description))
        }
        let stored = dataset.images.filter(\.isStored).count
        return ExperimentData(train: try source(split.train, "training", true),
                              validation: split.validation.isEmpty ? nil : try source(split.validation, "validation", false),
                              test: try source(split.test, "test", false), classNames: dataset.imageGenres.map(\.name),
                              splitSummary: "\(dataset.images.count) images of \(dataset.imageGenres.count) genres (\(stored) from "
                                  + "images_original, \(dataset.images.count - stored) rendered from audio); images: \(split.summary)",
                              splitTable: planned.table)
    }

    /// The image rendered from the audio file, `[1, 3, height, width]`.
    public func inputs(ofAudioFile url: URL) throws -> Tensor {
        let samples = try AudioFile.read(url, sampleRate: 22050).samples
        let image = try SpectrogramImageRenderer().render(samples).resized(width: width, height: height)
        return prepared(try Tensor(image.values, shape: [1] + sampleShape))
    }
}
