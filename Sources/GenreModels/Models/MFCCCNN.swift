import NN
import Tensor

/// The MFCC-slice CNN (Keras): 13 MFCC × 130 frames of a 3 s slice, input `[N, 1, 130, 13]`.
///
/// Conv 32 (3 × 3 valid, ReLU) → max-pool 3/2 "same" → BN; Conv 32 (3 × 3) → pool 3/2 → BN;
/// Conv 32 (2 × 2) → pool 2/2 → BN; Flatten 480, Dense 64 (ReLU), dropout 0.3, Dense 10 (logits).
/// 45,514 parameters (192 non-trainable). Keras initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class MFCCCNN: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [1, 130, 13]

    let features: Sequential
    let classifier: Sequential

    /// The model for `frames × coefficients` MFCC inputs and `classes` genres.
    public init(frames: Int = 130, coefficients: Int = 13, classes: Int = 10) {
        let stages: [(kernel: Int, pool: Int)] = [(3, 3), (3, 3), (2, 2)]
        var layers: [Module] = []
        var (height, width, channels) = (frames, coefficients, 1)
        for stage in stages {
            layers += [Conv2D(channels, 32, kernelSize: Pair2D(stage.kernel)), ReLU(),
                       MaxPool2D(kernelSize: Pair2D(stage.pool), stride: 2, padding: .same),
                       BatchNorm2D(32, convention: .keras)]
            height = (height - stage.kernel + 2) / 2
            width = (width - stage.kernel + 2) / 2
            channels = 32
        }
        features = Sequential(layers)
        classifier = Sequential(Flatten(), Linear(32 * height * width, 64), ReLU(), Dropout(0.3), Linear(64, classes))
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { classifier(features(input)) }
}
