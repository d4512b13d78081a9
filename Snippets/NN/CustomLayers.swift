// A custom module, a custom differentiable op, layers on tensors, a progress bar and gradient checks (the doc
// comments of `Module`, `Tensor.makeResult`, `MaxPool1D`, `Tensor.conv2d`, `ProgressBar` and `GradientCheck`).
// snippet.hide
import Foundation
import NN
import Tensor
func XCTAssertTrue(_ condition: Bool, _ message: String) { precondition(condition, message) }
var generator = RandomGenerator(seed: 5)
// snippet.show
// @unchecked: Module's rule for shared models (forward only reads).
final class TinyNet: Module, @unchecked Sendable {
    let features = Sequential(Conv2D(1, 8, kernelSize: 3, padding: .same), ReLU(), GlobalAveragePool())
    let classifier = Linear(8, 10)
    override func forward(_ x: Tensor) -> Tensor { classifier(features(x)) }
}
// keys: features.0.weight, features.0.bias, classifier.weight, classifier.bias
// snippet.hide
precondition(TinyNet().stateDict().keys.sorted() == ["classifier.bias", "classifier.weight", "features.0.bias", "features.0.weight"])
// snippet.show
extension Tensor {
    /// x · eˣ, elementwise.
    public func timesExp() -> Tensor {
        let x = self
        let value = Tensor(shape: x.shape, unsafeUninitializedWith: { out in
            x.withUnsafeBufferPointer { input in
                for i in 0..<input.count { out[i] = input[i] * Foundation.exp(input[i]) }
            }
        })
        return Tensor.makeResult(value, parents: [x]) { gradient in
            [gradient * x.exp() * (x + 1)]   // d/dx x·eˣ = eˣ·(x + 1)
        }
    }
}
// snippet.hide
do {
    let x = Tensor.uniform([8, 128, 100], low: -1, high: 1, using: &generator)
// snippet.show
let pooled = MaxPool1D(kernelSize: 4)(x)   // [8, 128, 100] → [8, 128, 25]
// snippet.hide
    precondition(pooled.shape == [8, 128, 25])
}
do {
    let channels = 4
    let x = Tensor.uniform([2, channels, 9, 9], low: -1, high: 1, using: &generator)
    let w = Tensor.uniform([6, channels, 3, 3], low: -1, high: 1, using: &generator)
    let b = Tensor.zeros([6])
    let depthwise = Tensor.uniform([channels, 1, 3, 3], low: -1, high: 1, using: &generator)
// snippet.show
let y = x.conv2d(w, bias: b, padding: .same)          // Keras Conv2D(padding="same")
let z = x.conv2d(depthwise, stride: 2, padding: .explicit(1), groups: channels)
// snippet.hide
    print(y.shape, z.shape, x.timesExp().shape, TinyNet().parameterCount)
}
do {
    let batches = [[1.0, 2.0], [3.0]]
    func step(_ batch: [Double]) -> Double { batch.reduce(0, +) }
    let (meanLoss, accuracy) = (0.5, 0.9)
// snippet.show
let bar = ProgressBar(label: "Epoch 1/50", total: batches.count)
for (i, batch) in batches.enumerated() {
    let loss = step(batch)
    bar.update(completed: i + 1, metrics: [("loss", loss)])
}
bar.finish(metrics: [("loss", meanLoss), ("val_accuracy", accuracy)])
// snippet.hide
}
do {
    let x = Tensor.uniform([3, 4], low: -1, high: 1, using: &generator)
    let w = Tensor.uniform([4, 2], low: -1, high: 1, using: &generator)
    let layer = Linear(4, 2)
    let input = x
// snippet.show
let report = GradientCheck().check([x, w]) { inputs in inputs[0].matmul(inputs[1]).exp() }
XCTAssertTrue(report.passed, report.description)

// A layer's own parameters (NN's `Parameter.value`), perturbed in place where the layer holds them:
let parameterReport = GradientCheck().check(parameters: layer.parameters.map(\.value)) { layer(input) }

// With NN imported, a module's input and trainable parameters in one call:
let moduleReport = GradientCheck().check(module: layer, input: input)
// snippet.hide
    print(parameterReport.passed, moduleReport.passed)
}
do {
    var rng = RandomGenerator(seed: 9)
// snippet.show
let report = GradientCheck().check(module: Conv1D(3, 4, kernelSize: 3), input: Tensor.uniform([2, 3, 9], low: -1, high: 1, using: &rng))
XCTAssertTrue(report.passed, report.description)
// snippet.hide
}
