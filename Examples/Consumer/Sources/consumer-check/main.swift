import Foundation
import NN
import Tensor

// Checks what a user's package relies on and exits 1 naming the first failure: a custom layer's unregistered
// children are found, its gradients pass GradientCheck, and a model runs from detached tasks (Sendable).

func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    guard condition else {
        FileHandle.standardError.write(Data("consumer-check: FAILED: \(message())\n".utf8))
        exit(1)
    }
}

let layer = ParameterInitialization.using(.pytorch, seed: 1) { ResidualMLP(features: 4, hidden: 6) }
let keys = layer.namedParameters().map(\.name)
require(keys == ["hidden.weight", "hidden.bias", "output.weight", "output.bias"], "parameter keys \(keys)")
require(Set(layer.stateDict().keys) == Set(keys), "state-dict keys \(layer.stateDict().keys.sorted())")
require(layer.parameterCount == 4 * 6 + 6 + 6 * 4 + 4, "parameter count \(layer.parameterCount)")

var random = RandomGenerator(seed: 2)
let input = Tensor.uniform([3, 4], low: -1, high: 1, using: &random)
let report = GradientCheck().check(module: layer, input: input)
require(report.passed, report.description)

let model = Sequential(layer, Linear(4, 2))
model.eval()
let batches = (0..<4).map { _ in Tensor.uniform([5, 4], low: -1, high: 1, using: &random) }
let serial = batches.map { batch in Tensor.withoutGrad { model(batch) }.scalars }
var concurrent: [[Float]] = []
for batch in batches {
    concurrent.append(await Task.detached { Tensor.withoutGrad { model(batch) } }.value.scalars)
}
let parallel = await withTaskGroup(of: (Int, [Float]).self) { group in
    for (index, batch) in batches.enumerated() {
        group.addTask { (index, Tensor.withoutGrad { model(batch) }.scalars) }
    }
    var results = [[Float]](repeating: [], count: batches.count)
    for await (index, scalars) in group { results[index] = scalars }
    return results
}
require(concurrent == serial, "detached-task inference differs from serial inference")
require(parallel == serial, "concurrent inference from \(batches.count) tasks differs from serial inference")
print("consumer-check: \(keys.count) parameters found by reflection, gradient check passed "
      + "(worst relative error \(report.inputs.map(\.maxRelativeError).max() ?? 0)), "
      + "\(batches.count) concurrent tasks matched serial inference")
