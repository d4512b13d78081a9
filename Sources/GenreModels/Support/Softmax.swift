import NN
import Tensor

// Stand-in until NN ships its activation layers (see ReLU.swift).
/// Softmax over the last axis as a layer (as `torch.nn.Softmax(dim=-1)`), for Keras models ending in it.
final class Softmax: Module {
    override init() { super.init() }

    override func forward(_ input: Tensor) -> Tensor { input.softmax(axis: -1) }
}
