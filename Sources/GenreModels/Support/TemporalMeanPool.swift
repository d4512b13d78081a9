import NN
import Tensor

/// The mean over time of `[N, C, L]`: `[N, C]` (as `x.mean(dim=2)`).
final class TemporalMeanPool: Module {
    override init() { super.init() }

    override func forward(_ input: Tensor) -> Tensor { input.mean(axes: [2]) }
}
