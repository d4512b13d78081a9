// genrekit-demo (`make demo`): trains the MFCC ResNet on a synthetic GTZAN-shaped dataset, prints the test
// accuracy and confusion matrix, writes the report folder, classifies one freshly generated track, and ends
// by classifying the real kit excerpts (../shared/gtzan-mini/genres/*/*.au) with the shipped default model.
// Runs in a few minutes on 2 cores; `--data <GTZAN root>` trains on real GTZAN instead.
import ArgumentParser
import AudioIO
import Experiments
import Foundation
import GenreModels
import GTZAN
import NN
import SyntheticGTZAN

/// The demo's one run: the Keras MFCC ResNet and its recipe, with fewer epochs (the synthetic set is learnt quickly).
enum DemoExample: GenreExample {
    static let name = "genrekit-demo"
    static let abstract = "Train resnet-mfcc on synthetic GTZAN and classify a new track."

    static func experiments(_ options: NoOptions) throws -> [Experiment] { [experiment] }

    static var experiment: Experiment {
        Experiment(
            input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)),
            split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
            model: { ResNetMFCC(classes: $0) }, initialization: ResNetMFCC.initialization,
            recipe: Recipe(epochs: 30, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                           schedule: try! ConstantThenExponentialDecay(constantEpochs: 10, rate: 0.95),
                           source: "the Keras MFCC-ResNet notebook, with 30 of its 60 epochs"),
            penalties: { [WeightPenalty(.l2, strength: 1e-3, on: $0.regularizedWeights)] })
    }
}

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: DemoExample.name, abstract: DemoExample.abstract)

    @OptionGroup var common: CommonOptions
    @OptionGroup var recipe: RecipeOptions<DemoExample>

    func run() throws {
        let started = Date()
        let runner = try ExperimentRunner(settings: recipe.applied(to: try common.settings(example: "demo")))
        guard let result = try runner.train([DemoExample.experiment], name: "demo (resnet-mfcc)").first else {
            return  // not rank 0 of an MPI job
        }

        // A track the model has never heard: a new index and seed of the synthetic generator.
        let genre = Genre.gtzan[Int(common.seed % 10)]
        let track = runner.settings.outputDirectory.appendingPathComponent("unseen-\(genre.name).wav")
        try AudioFile.write(track, samples: SyntheticGTZAN.samples(genre: genre, index: 999, seconds: 30, seed: 2024),
                            sampleRate: SyntheticGTZAN.sampleRate, format: .pcm16)
        let model = try runner.loadModel(DemoExample.experiment,
                                         checkpoint: runner.settings.outputDirectory.appendingPathComponent("best.safetensors"))
        let classification = try runner.classify(track, with: model, experiment: DemoExample.experiment)
        print("\nClassify a new synthetic \(genre.name) track: \(classification.line)")
        print(String(format: "\nTest accuracy %.2f %% (file-wise %.2f %%); demo wall time %.0f s.",
                     result.metrics.testAccuracy * 100, (result.metrics.testFileAccuracy ?? .nan) * 100,
                     Date().timeIntervalSince(started)))
        try classifyKit(fallback: track)
    }

    /// The shipped default model (no training) on the real kit excerpts, or on `fallback` without the kit.
    func classifyKit(fallback: URL) throws {
        let classifier = try GenreClassifier.bundled()
        print("\nThe default model (\(classifier.labels.count) labels: \(classifier.labels.joined(separator: ", "))); "
              + "accuracy on unseen artists \(classifier.metadata["artist_protocol_accuracy"] ?? "unknown")")
        let kit = URL(fileURLWithPath: ProcessInfo.processInfo.environment["GENREKIT_SHARED_KIT"] ?? "../shared/gtzan-mini")
            .appendingPathComponent("genres")
        let excerpts = (FileManager.default.enumerator(at: kit, includingPropertiesForKeys: nil)?.compactMap { $0 as? URL } ?? [])
            .filter { $0.pathExtension == "au" }.sorted { $0.path < $1.path }
        if excerpts.isEmpty {
            print("No real kit excerpts at \(kit.path): classifying the synthetic track instead "
                  + "(the model was trained on real music, so expect little).")
        } else {
            print("Real GTZAN excerpts (\(kit.path)); they are rows of the model's training table:")
        }
        for file in excerpts.isEmpty ? [fallback] : excerpts {
            print("  " + (try classifier.classify(file).line))
        }
    }
}

Demo.main()
