// Reverse-mode autodiff and a numeric gradient check with Tensor (the README's Tensor example and the
// `Tensor`, `RandomGenerator` and `GradientCheck` doc comments).
// snippet.hide
import Tensor
var generator = RandomGenerator(seed: 1)
let x = Tensor.uniform([4, 64], low: -1, high: 1, using: &generator)
let weight = Tensor.normal([3, 4, 3, 3], std: 0.1, using: &generator)
let image = Tensor.uniform([1, 4, 5, 5], low: -1, high: 1, using: &generator)   // N, C, H, W
// snippet.show
import Tensor
var rng = RandomGenerator(seed: 42)
var w = Tensor.normal([64, 32], std: 0.1, using: &rng)
w.requiresGrad = true
let loss = x.matmul(w).relu().mean()
loss.backward()                                    // w.grad
let report = GradientCheck().check([image]) { $0[0].conv2d(weight, padding: .same).sigmoid() }
print(report.description)                          // per-input relative error, the worst element
// snippet.hide
do {
    let x = Tensor.uniform([5, 3], low: -1, high: 1, using: &generator)
    let y = Tensor.uniform([5, 2], low: -1, high: 1, using: &generator)
    var rng = RandomGenerator(seed: 7)
// snippet.show
var w = Tensor.normal([3, 2], using: &rng)
w.requiresGrad = true
let loss = (x.matmul(w) - y).pow(2).mean()
loss.backward()
print(w.grad!)
// snippet.hide
    let report = GradientCheck().check([x, w]) { inputs in inputs[0].matmul(inputs[1]).exp() }
    precondition(report.passed, report.description)
}
do {
// snippet.show
var rng = RandomGenerator(seed: 42)
let w = Tensor.normal([64, 32], std: 0.1, using: &rng)
// snippet.hide
    print(w.shape)
}
