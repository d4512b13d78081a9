import NN
import Tensor

// Stand-in until NN ships its activation layers: internal, so NN's public `ReLU` takes over for users and
// this file can be deleted without touching the models.
/// `max(0, x)` as a layer (as `torch.nn.ReLU`).
final class ReLU: Module {
    override init() { super.init() }

    override func forward(_ input: Tensor) -> Tensor { input.relu() }
}
