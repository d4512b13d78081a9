import NN
import Tensor

/// `x + output(relu(hidden(x)))`: a user's own layer whose children are stored properties only, never passed to
/// `register`; the module finds them by reflection under their property names (`hidden.weight`, `output.bias`).
// @unchecked: Module's rule for shared models; `forward` writes nothing, so inference may run on many tasks.
final class ResidualMLP: Module, @unchecked Sendable {
    let hidden: Linear
    let output: Linear

    init(features: Int, hidden width: Int) {
        hidden = Linear(features, width)
        output = Linear(width, features)
        super.init()
    }

    override func forward(_ input: Tensor) -> Tensor {
        input + output(hidden(input).relu())
    }
}
