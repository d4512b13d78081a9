// A model, its summary, an optimizer and a trainer with NN (the README's NN example and the `TensorBatches`,
// `BatchSource` and `InitializationScheme` doc comments).
// snippet.hide
import Foundation
import Tensor
var generator = RandomGenerator(seed: 3)
let x = Tensor.uniform([64, 1, 130, 13], low: -1, high: 1, using: &generator)
let y = (0..<64).map { $0 % 10 }
let xv = Tensor.uniform([16, 1, 130, 13], low: -1, high: 1, using: &generator)
let yv = (0..<16).map { $0 % 10 }
let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("genrekit-snippet-training")
defer { try? FileManager.default.removeItem(at: out) }
// snippet.show
import NN
let model = ParameterInitialization.using(.pytorch, seed: 42) {
    Sequential(Conv2D(1, 32, kernelSize: 3, padding: .same), BatchNorm2D(32), ReLU(),
               MaxPool2D(kernelSize: 2), SqueezeExcitation(channels: 32, reduction: 8),
               GlobalAveragePool(), Linear(32, 10))
}
print(model.summary(inputShape: [1, 130, 13]).table)         // Keras-style, exact counts
let adam = try Adam(parameters: model.namedParameters(), learningRate: 1e-3)   // throws on a bad setting
let trainer = try Trainer(model: model, optimizer: adam, loss: CrossEntropyLoss(),
                          configuration: .init(epochs: 50, seed: 42, checkpointDirectory: out))
trainer.schedule = try ReduceLROnPlateau(factor: 0.5, patience: 5)
let train = try TensorBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: { 42 &+ UInt64($0) })
try trainer.fit(training: train, validation: try TensorBatches(inputs: xv, labels: yv, batchSize: 256))
try trainer.history.write(to: out)                          // history.csv, history.json, curves.svg
// snippet.hide
do {
// snippet.show
let train = try TensorBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: { 42 &+ UInt64($0) })
let valid = try TensorBatches(inputs: xv, labels: yv, batchSize: 256)
try trainer.fit(training: train, validation: valid)
// snippet.hide
}
do {
// snippet.show
let source = try TensorBatches(inputs: x, labels: y, batchSize: 32, shuffleSeed: { 42 &+ UInt64($0) })
for batch in source.epoch(0) { print(batch.inputs.shape, batch.labels) }
// snippet.hide
}
do {
// snippet.show
let model = ParameterInitialization.using(.keras, seed: 42) { Sequential(Linear(57, 256), ReLU(), Linear(256, 10)) }
// snippet.hide
    print(model.parameterCount)
}
