import NN
import Tensor

/// `[N, 1, F, T]` → `[N, F, T]`: the frequency rows of a one-channel spectrogram become the channels of a
/// 1-D convolution over time.
final class FrequencyAsChannels: Module {
    override init() { super.init() }

    override func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == 1, "FrequencyAsChannels: input \(input.shape) must be [N, 1, F, T]")
        return input.squeezed(axis: 1)
    }
}
