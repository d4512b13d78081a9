import NN
import Tensor

/// Benchmarks of the NN library. Names must match the tasks of `scripts/bench/ref_nn.py`.
let nnBenchmarks: [Benchmark] = [
    Benchmark(name: "nn/mfcc_cnn_train_step_b32",
              summary: "MFCC-slice CNN (45,514 weights): forward, cross-entropy, backward, Adam step, batch 32 × 1 × 130 × 13",
              prepare: {
                  let model = ParameterInitialization.using(.pytorch, seed: 1) { BenchmarkModels.mfccCNN() }
                  let optimizer = try Adam(parameters: model.namedParameters(), learningRate: 1e-4)
                  var generator = RandomGenerator(seed: 2)
                  let input = Tensor.normal([32, 1, 130, 13], using: &generator)
                  let labels = (0..<32).map { $0 % 10 }
                  return {
                      optimizer.zeroGrad()
                      CrossEntropyLoss()(model(input), labels: labels).backward()
                      optimizer.step()
                  }
              }),
    Benchmark(name: "nn/resnet_mfcc_inference_b64",
              summary: "MFCC ResNet (217,226 weights): evaluation-mode forward, batch 64 × 1 × 130 × 13",
              prepare: {
                  let model = ParameterInitialization.using(.pytorch, seed: 1) { BenchmarkModels.resnetMFCC() }
                  model.eval()
                  var generator = RandomGenerator(seed: 3)
                  let input = Tensor.normal([64, 1, 130, 13], using: &generator)
                  return { _ = Tensor.withoutGrad { model(input) } }
              }),
    Benchmark(name: "nn/adam_step_2m",
              summary: "Adam update of 2,055,070 parameters (the spectrogram CNN's count) with given gradients",
              prepare: {
                  var generator = RandomGenerator(seed: 4)
                  let parameter = Parameter(Tensor.normal([2_055_070], using: &generator))
                  parameter.value.grad = Tensor.normal([2_055_070], using: &generator)
                  let optimizer = try Adam(parameters: [("w", parameter)], learningRate: 1e-3)
                  return { optimizer.step() }
              }),
]

/// The documents' models used by the benchmarks (the same definitions as in `scripts/bench/ref_nn.py`).
enum BenchmarkModels {
    /// The MFCC-slice CNN with Keras' BatchNorm conventions.
    static func mfccCNN() -> Sequential {
        let pool = { (size: Pair2D, stride: Pair2D) in MaxPool2D(kernelSize: size, stride: stride, padding: .same) }
        return Sequential(
            Conv2D(1, 32, kernelSize: 3), ReLU(), pool(3, 2), BatchNorm2D(32, convention: .keras),
            Conv2D(32, 32, kernelSize: 3), ReLU(), pool(3, 2), BatchNorm2D(32, convention: .keras),
            Conv2D(32, 32, kernelSize: 2), ReLU(), pool(2, 2), BatchNorm2D(32, convention: .keras),
            Flatten(), Linear(480, 64), ReLU(), Dropout(0.3), Linear(64, 10))
    }

    /// The MFCC ResNet: stem, identity block, projection block, dense head.
    static func resnetMFCC() -> Sequential {
        let pool = { MaxPool2D(kernelSize: 2, padding: .same) }
        return Sequential(
            Conv2D(1, 32, kernelSize: 3, padding: .same), BatchNorm2D(32), ReLU(), pool(),
            ResidualBlock(32, 32), pool(), ResidualBlock(32, 64), pool(),
            Flatten(), Linear(2176, 64), ReLU(), Dropout(0.4), Linear(64, 10))
    }
}
