import Foundation
import GenreModels
import NN
import Tensor

/// A feature-MLP classifier for any audio file: the 57 GTZAN features (DSP's `GTZANFeatures`, which
/// reproduces Kaggle's table) of each 30 s window, standardised and classified by `FeatureMLP`, the window
/// probabilities averaged. Windows are computed as the file decodes, so long files need bounded memory.
///
/// `GenreClassifier.bundled()` is the model that ships with GenreKit (`make default-model` rebuilds it):
/// trained on all 1,000 rows of GTZAN's `features_30_sec.csv`, its standardiser stored as the buffers of
/// its first layer and its label names in the checkpoint's metadata.
public struct GenreClassifier {
    /// The class names, in output order.
    public let labels: [String]
    /// The checkpoint's metadata (labels, variant, training data, accuracy under the artist protocol, ...).
    public let metadata: [String: String]
    private let model: Module
    private let input = FeatureTableInput(table: .thirtySeconds)

    /// The resource name of the shipped checkpoint.
    static let bundledName = "default-genre-mlp"

    /// The model shipped in the `Experiments` bundle.
    /// - Throws: `ExperimentError.unusableFile` when the resource is missing; `CheckpointError` when it is damaged.
    public static func bundled() throws -> GenreClassifier {
        guard let url = Bundle.module.url(forResource: bundledName, withExtension: "safetensors", subdirectory: "Resources") else {
            throw ExperimentError.unusableFile(Bundle.module.bundleURL.appendingPathComponent("Resources/\(bundledName).safetensors"),
                                               "the default model is not bundled (`make default-model` makes it)")
        }
        return try GenreClassifier(checkpoint: url)
    }

    /// A checkpoint written by `save(_:labels:metadata:to:)`: a `FeatureStandardization` + `FeatureMLP`
    /// state dict with `labels` (a JSON array) and `variant` in its metadata.
    public init(checkpoint: URL) throws {
        let file = try SafeTensors(contentsOf: checkpoint)
        guard let labels = CheckpointLabels.names(in: file.metadata) else {
            throw ExperimentError.unusableFile(checkpoint, "no label names in the checkpoint's metadata (key 'labels')")
        }
        guard let variant = FeatureMLP.Variant(rawValue: file.metadata["variant"] ?? "") else {
            throw ExperimentError.unusableFile(checkpoint, "no FeatureMLP variant in the metadata (key 'variant')")
        }
        let features = input.sampleShape[0]
        model = Sequential(FeatureStandardization(nil, features: features),
                           FeatureMLP(variant, features: features, classes: labels.count))
        try model.loadStateDict(file.tensors)
        model.eval()
        self.labels = labels
        metadata = file.metadata
    }

    /// Writes `model` (a `FeatureStandardization` + `FeatureMLP` of `variant`) with its label names.
    static func save(_ model: Module, variant: FeatureMLP.Variant, labels: [String], metadata: [String: String],
                     to url: URL) throws {
        try model.save(to: url, metadata: metadata.merging(CheckpointLabels.metadata(labels)) { $1 }
            .merging(["variant": variant.rawValue]) { $1 })
    }

    /// The `k` most likely labels of the audio file `file`, averaged over its 30 s windows.
    /// - Throws: the decoder's error naming the file, or `ExperimentError` for audio too short to analyse.
    public func classify(_ file: URL, k: Int = 3) throws -> Classification {
        var mean = ProbabilityMean()
        try input.forEachInputBatch(ofAudioFile: file, batchSize: 8) { inputs in
            mean.add(Tensor.withoutGrad { model(inputs) }.softmax())
        }
        return Classification(file: file, segments: mean.count, probabilities: mean.values, classNames: labels, k: k)
    }
}
