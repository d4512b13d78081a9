import Tensor

/// The mean over time (the last axis) of `[N, C, L]`: `[N, C]` (as `x.mean(dim=2)` in PyTorch, Keras'
/// `GlobalAveragePooling1D` on channels-first data).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class TemporalMeanPool: Module, @unchecked Sendable {
    public override init() { super.init() }

    public override func forward(_ input: Tensor) -> Tensor {
        precondition(input.rank == 3, "TemporalMeanPool: input \(input.shape) must be [N, C, L]")
        return input.mean(axes: [2])
    }
}
