import NN
import Tensor

/// The spectrogram-image CNN ("cnn-dynamic", Keras): RGB spectrogram images, input `[N, 3, 288, 432]`.
///
/// `conv_layers`: Conv 3→4, 4→4, pool, 4→8, pool, 8→8, pool, 8→16, pool, 16→16, pool (3 × 3 "same", ReLU,
/// 2 × 2 max-pools); `flatten` (1872); `linear_layers`: Dense 1024, 128 (ReLU), Dense 10, Softmax — the output
/// is probabilities, trained with categorical cross-entropy. Keys as in the notebook's PyTorch port
/// (`conv_layers.0.weight`, `linear_layers.2.bias`). 2,055,070 parameters. Keras initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class CNNDynamic: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [3, 288, 432]

    let convLayers: Sequential
    let flatten = Flatten()
    let linearLayers: Sequential

    /// The model for `height × width` RGB images and `classes` genres.
    public init(height: Int = 288, width: Int = 432, classes: Int = 10) {
        let channels = [(3, 4), (4, 4), (4, 8), (8, 8), (8, 16), (16, 16)]
        convLayers = Sequential(channels.enumerated().flatMap { index, pair -> [Module] in
            [Conv2D(pair.0, pair.1, kernelSize: 3, padding: .same), ReLU()]
                + (index == 0 ? [] : [MaxPool2D(kernelSize: 2)])
        })
        let pools = channels.count - 1
        linearLayers = Sequential(Linear(16 * pooledSize(height, count: pools) * pooledSize(width, count: pools), 1024),
                                  ReLU(), Linear(1024, 128), ReLU(), Linear(128, classes), Softmax())
        super.init()
        register(convLayers, as: "conv_layers")
        register(flatten, as: "flatten")
        register(linearLayers, as: "linear_layers")
    }

    public override func forward(_ input: Tensor) -> Tensor { linearLayers(flatten(convLayers(input))) }
}
