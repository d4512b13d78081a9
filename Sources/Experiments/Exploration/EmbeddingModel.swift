import Foundation
import GTZAN
import NN
import Tensor

/// A trained CNN whose pooled convolutional features embed tracks: its first registered child (the
/// feature extractor — `features` of `MFCCCNN`, `conv_layers` of `CNNDynamic`) runs on every segment,
/// the output is averaged over its spatial axes (global average pooling) and over the track's segments.
public struct EmbeddingModel {
    /// The name shown in figures.
    public let name: String
    public let model: Module
    public let input: any InputPipeline

    /// - Throws: `ExperimentError.invalidOption` when `model` has no child module.
    public init(name: String, model: Module, input: any InputPipeline) throws {
        guard !model.children.isEmpty else {
            throw ExperimentError.invalidOption("--checkpoint", "\(model.typeName) has no feature-extractor child module")
        }
        self.name = name
        self.model = model
        self.input = input
        model.eval()
    }

    /// The pooled embedding of one audio file: `[channels]`.
    public func embedding(ofAudioFile url: URL) throws -> [Float] {
        let inputs = try input.inputs(ofAudioFile: url)
        let features = Tensor.withoutGrad { model.children[0].module(inputs) }
        let axes = Array(1..<features.rank)
        let pooled = features.rank > 2 ? features.mean(axes: Array(axes.dropFirst())) : features
        return pooled.mean(axes: [0]).scalars
    }

    /// The embedding and label of every track, in order.
    public func trackEmbeddings(_ tracks: [Track]) throws -> (vectors: [[Float]], labels: [Int]) {
        (try tracks.map { try embedding(ofAudioFile: $0.url) }, tracks.map(\.label))
    }
}
