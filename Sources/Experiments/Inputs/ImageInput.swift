import AudioIO
import Foundation
import GTZAN
import Tensor

/// One RGB spectrogram image per track, `[3, height, width]` with values 0…255: Kaggle's `images_original`
/// PNGs when the data folder has them, otherwise rendered from the audio (GTZAN's `SpectrogramImageRenderer`:
/// 128-band mel dB through viridis, as the Kaggle images), bilinearly resized. Images stream from a
/// background thread (GTZAN's `ImageBatches`), so the whole dataset never sits in memory.
public struct ImageInput: InputPipeline {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    public var sampleShape: [Int] { [3, height, width] }
    public var usesSegments: Bool { false }
    public var summary: String { "RGB spectrogram images (images_original, or rendered from audio) resized to \(width) × \(height)" }

    public func makeData(_ dataset: GTZANDataset, experiment: Experiment, settings: DataSettings) throws -> ExperimentData {
        let split = try experiment.split.apply(dataset.tracks, dataset: dataset, fold: experiment.fold,
                                               protocol: experiment.evaluationProtocol)
        let source = { (tracks: [Track], side: String, training: Bool) throws -> BatchSource in
            guard !tracks.isEmpty else { throw ExperimentError.emptySplit(side) }
            let images = try ImageBatches(tracks: tracks, layout: dataset.layout, width: width, height: height,
                                          batchSize: settings.batchSize, shuffle: training, seed: settings.seed,
                                          workers: settings.threads)
            return BackgroundBatches(images, labels: tracks.map(\.label), trackIDs: tracks.map(\.id.description))
        }
        let origin = dataset.layout.imagesDirectory == nil ? "rendered from audio" : "images_original"
        return ExperimentData(train: try source(split.train, "training", true),
                              validation: split.validation.isEmpty ? nil : try source(split.validation, "validation", false),
                              test: try source(split.test, "test", false), classNames: dataset.genres.map(\.name),
                              splitSummary: "tracks: \(split.summary); images \(origin)")
    }

    /// The image rendered from the audio file, `[1, 3, height, width]`.
    public func inputs(ofAudioFile url: URL) throws -> Tensor {
        let samples = try AudioFile.read(url, sampleRate: 22050).samples
        let image = try SpectrogramImageRenderer().render(samples).resized(width: width, height: height)
        return try Tensor(image.values, shape: [1] + sampleShape)
    }
}
