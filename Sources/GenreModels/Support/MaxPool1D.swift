import NN
import Tensor

/// Max pooling over the last axis of `[N, C, L]` with window and stride `kernelSize` (as `torch.nn.MaxPool1d`).
final class MaxPool1D: Module {
    let kernelSize: Int

    init(kernelSize: Int) {
        self.kernelSize = kernelSize
        super.init()
    }

    override func forward(_ input: Tensor) -> Tensor {
        input.unsqueezed(axis: 2).maxPool2d(kernelSize: Pair2D(height: 1, width: kernelSize)).squeezed(axis: 2)
    }
}
