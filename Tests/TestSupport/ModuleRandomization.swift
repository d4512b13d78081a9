import NN
import Tensor

/// `module` in evaluation mode with random running statistics (means N(0, spread²), variances
/// 1 + spread²·N(0, 1)²), BatchNorm weights and biases (`1 + spread · N(0, 1)`, `spread · N(0, 1)`)
/// and, with `convolutions`, standard normal convolution weights.
@discardableResult
public func randomized<M: Module>(_ module: M, seed: UInt64, spread: Float, convolutions: Bool) -> M {
    var rng = RandomGenerator(seed: seed)
    for (name, parameter) in module.namedParameters() {
        let values = Tensor.normal(parameter.shape, using: &rng).scalars
        if parameter.value.rank == 1 {
            parameter.assign(values.map { (name.hasSuffix("weight") ? 1 : 0) + spread * $0 })
        } else if convolutions {
            parameter.assign(values)
        }
    }
    for (name, buffer) in module.namedBuffers() where name.hasSuffix("running_mean") || name.hasSuffix("running_var") {
        let values = Tensor.normal(buffer.shape, using: &rng).scalars
        buffer.assign(values.map { name.hasSuffix("running_var") ? 1 + spread * spread * $0 * $0 : spread * $0 })
    }
    module.eval()
    return module
}

