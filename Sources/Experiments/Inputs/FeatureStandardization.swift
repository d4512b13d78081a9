import GTZAN
import NN
import Tensor

/// `(x − mean) / scale` per feature, as the first layer of a model on feature tables: the statistics are
/// fitted on the training split (GTZAN's `Standardizer`) and saved with the weights as buffers `mean` and
/// `scale`, so a checkpoint classifies raw features on its own. The buffers are not counted as weights.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class FeatureStandardization: Module, @unchecked Sendable {
    public let mean: Buffer
    public let scale: Buffer

    /// The statistics of `standardizer`, or the identity over `features` inputs when it is nil (before
    /// fitting, or when a checkpoint's buffers are about to be loaded).
    public init(_ standardizer: Standardizer?, features: Int) {
        mean = Buffer(Tensor(standardizer?.mean ?? [Float](repeating: 0, count: features)), countsAsWeight: false)
        scale = Buffer(Tensor(standardizer?.scale ?? [Float](repeating: 1, count: features)), countsAsWeight: false)
        super.init()
        register(mean, as: "mean")
        register(scale, as: "scale")
    }

    public override func forward(_ input: Tensor) -> Tensor { (input - mean.value) / scale.value }
}
