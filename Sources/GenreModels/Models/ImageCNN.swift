import NN
import Tensor

/// The 256 × 256 image CNN (Keras): RGB images with values 0…255, input `[N, 3, 256, 256]`.
///
/// Rescaling 1/255; Conv 32, 64, 128 (3 × 3 "same", ReLU) each followed by a 2 × 2 max-pool; Flatten,
/// Dense 128 (ReLU), dropout 0.5, Dense 10 (logits). 16,871,882 parameters. Keras initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ImageCNN: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [3, 256, 256]

    let features: Sequential
    let classifier: Sequential

    /// The model for `size × size` RGB images and `classes` genres.
    public init(size: Int = 256, classes: Int = 10) {
        let widths = [32, 64, 128]
        features = Sequential([Rescaling(scale: 1 / 255)] + zip([3] + widths, widths).flatMap {
            convBlock($0, $1, kernelSize: 3, batchNorm: nil)
        })
        let side = pooledSize(size, count: widths.count)
        classifier = Sequential(Flatten(), Linear(128 * side * side, 128), ReLU(), Dropout(0.5), Linear(128, classes))
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { classifier(features(input)) }
}
