import Foundation
import GenreModels
import GTZAN
import NN
import SyntheticGTZAN
import Tensor

/// Benchmarks of the NN library. Names must match the tasks of `scripts/bench/ref_nn.py`.
///
/// Every example model (GenreModels) gets one training step (forward, loss, backward, Adam step) and one
/// inference batch (evaluation mode, no gradients) at the published recipe's batch size, on random inputs.
let nnBenchmarks: [Benchmark] = ModelBenchmark.all.flatMap { [$0.trainStep, $0.inference] } + [
    Benchmark(name: "nn/adam_step_2m",
              summary: "Adam update of 2,055,070 parameters (the spectrogram CNN's count) with given gradients",
              prepare: {
                  var generator = RandomGenerator(seed: 4)
                  let parameter = Parameter(Tensor.normal([2_055_070], using: &generator))
                  parameter.value.grad = Tensor.normal([2_055_070], using: &generator)
                  let optimizer = try Adam(parameters: [("w", parameter)], learningRate: 1e-3)
                  return { optimizer.step() }
              }),
    Benchmark(name: "nn/epoch_resnet_mfcc_synthetic",
              summary: "one resnet-mfcc epoch on a synthetic GTZAN of 30 tracks × 30 s: 300 MFCC slices computed "
                  + "from the WAVs on a background thread, 10 Adam steps of batch 32",
              prepare: ResNetMFCCEpoch.prepare),
]

/// One example model at its published recipe's batch size and optimiser settings.
struct ModelBenchmark: Sendable {
    /// The task-name stem, e.g. `resnet_mfcc`.
    var name: String
    var description: String
    var batchSize: Int
    var inputShape: [Int]
    var initialization: InitializationScheme
    var learningRate: Float
    var weightDecay: Float = 0
    /// Categorical cross-entropy of probabilities for models ending in Softmax, else cross-entropy of logits.
    var loss: any Loss = CrossEntropyLoss()
    var make: @Sendable () -> Module

    static let all = [
        ModelBenchmark(name: "cnn_dynamic", description: "cnn-dynamic (2,055,070 weights)", batchSize: 32,
                       inputShape: CNNDynamic.inputShape, initialization: CNNDynamic.initialization,
                       learningRate: 1e-3, loss: CategoricalCrossEntropy(), make: { CNNDynamic() }),
        ModelBenchmark(name: "image_cnn", description: "image-cnn (16,871,882 weights)", batchSize: 32,
                       inputShape: ImageCNN.inputShape, initialization: ImageCNN.initialization,
                       learningRate: 1e-3, make: { ImageCNN() }),
        ModelBenchmark(name: "mfcc_cnn", description: "mfcc-cnn (45,514 weights)", batchSize: 32,
                       inputShape: MFCCCNN.inputShape, initialization: MFCCCNN.initialization,
                       learningRate: 1e-4, make: { MFCCCNN() }),
        ModelBenchmark(name: "resnet_mfcc", description: "resnet-mfcc (217,226 weights)", batchSize: 32,
                       inputShape: ResNetMFCC.inputShape, initialization: ResNetMFCC.initialization,
                       learningRate: 1e-3, make: { ResNetMFCC() }),
        ModelBenchmark(name: "se_cnn", description: "se-cnn (778,384 weights: reduction 16, flatten head)", batchSize: 64,
                       inputShape: SECNN.inputShape, initialization: SECNN.initialization,
                       learningRate: 1e-3, weightDecay: 1e-4, make: { SECNN() }),
        ModelBenchmark(name: "mlp", description: "mlp-features keras variant (56,650 weights)", batchSize: 32,
                       inputShape: [57], initialization: FeatureMLP.Variant.keras.initialization,
                       learningRate: 1e-3, make: { FeatureMLP(.keras) }),
        ModelBenchmark(name: "mobilenet", description: "mobilenet-transfer (frozen MobileNetV2, 12,810 trainable)",
                       batchSize: 32, inputShape: MobileNetTransfer.inputShape,
                       initialization: MobileNetTransfer.initialization, learningRate: 1e-3,
                       make: { MobileNetTransfer() }),
    ]

    var shapeText: String { ([batchSize] + inputShape).map(String.init).joined(separator: " × ") }

    /// The seeded model and a random batch with labels 0, 1, …, 9, 0, ….
    func setUp() -> (model: Module, input: Tensor, labels: [Int]) {
        let model = ParameterInitialization.using(initialization, seed: 1) { make() }
        var generator = RandomGenerator(seed: 2)
        return (model, Tensor.normal([batchSize] + inputShape, using: &generator), (0..<batchSize).map { $0 % 10 })
    }

    var trainStep: Benchmark {
        Benchmark(name: "nn/\(name)_train_b\(batchSize)",
                  summary: "\(description): forward, loss, backward, Adam step, batch \(shapeText)",
                  prepare: {
                      let (model, input, labels) = setUp()
                      let optimizer = try Adam(parameters: model.namedParameters().filter(\.parameter.requiresGrad),
                                               learningRate: learningRate, weightDecay: weightDecay)
                      return {
                          optimizer.zeroGrad()
                          loss(model(input), labels: labels).backward()
                          optimizer.step()
                      }
                  })
    }

    var inference: Benchmark {
        Benchmark(name: "nn/\(name)_infer_b\(batchSize)",
                  summary: "\(description): evaluation-mode forward without gradients, batch \(shapeText)",
                  prepare: {
                      let (model, input, _) = setUp()
                      model.eval()
                      return { _ = Tensor.withoutGrad { model(input) } }
                  })
    }
}

/// One training epoch of resnet-mfcc on synthetic GTZAN audio, feature extraction included.
enum ResNetMFCCEpoch {
    static let tracksPerGenre = 3
    /// This process's dataset folder, deleted at exit.
    static let root = FileManager.default.temporaryDirectory.appendingPathComponent("genrekit-bench-synthetic-\(getpid())")

    static func prepare() throws -> () throws -> Void {
        try SyntheticGTZAN.write(to: root, tracksPerGenre: tracksPerGenre, seconds: 30)
        atexit { try? FileManager.default.removeItem(at: ResNetMFCCEpoch.root) }
        let dataset = try GTZANDataset(root: root)
        let segmentation = Segmentation.threeSeconds
        let batches = try SegmentBatches(segments: segmentation.segments(of: dataset.tracks),
                                         segmentation: segmentation, representation: .mfcc(count: 13), batchSize: 32)
        let model = ParameterInitialization.using(ResNetMFCC.initialization, seed: 1) { ResNetMFCC() }
        let optimizer = try Adam(parameters: model.namedParameters(), learningRate: 1e-3, epsilon: 1e-7)
        let loss = CrossEntropyLoss()
        var epoch = 0
        return {
            let iterator = batches.epoch(epoch)
            epoch += 1
            while let batch = try iterator.nextBatch() {
                optimizer.zeroGrad()
                loss(model(batch.inputs), labels: batch.labels).backward()
                optimizer.step()
            }
        }
    }
}
