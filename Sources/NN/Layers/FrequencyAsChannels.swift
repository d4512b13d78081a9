import Tensor

/// `[N, 1, F, T]` → `[N, F, T]`: the frequency rows of a one-channel spectrogram become the channels of a
/// 1-D convolution over time (`Conv1D(F, …)`), as `x.squeeze(1)` in PyTorch.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class FrequencyAsChannels: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 4 && input.shape[1] == 1, "FrequencyAsChannels: input \(input.shape) must be [N, 1, F, T]")
        return input.squeezed(axis: 1)
    }
}
