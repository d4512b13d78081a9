import NN
import Tensor

/// The squeeze-and-excitation CNN (PyTorch): 512 × 130 power spectrograms of 3 s segments, input `[N, 1, 512, 130]`.
///
/// Five blocks (`blocks.i`): Conv 3 × 3 pad 1 with 32, 64, 128, 256, 128 channels, ReLU, max-pool 2,
/// dropout 0.25, squeeze-and-excitation with `reduction`; then Flatten (128 × 16 × 4 = 8,192 for the
/// document's input) or global average pooling (`globalPooling`), Linear 10. PyTorch initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class SECNN: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.pytorch
    public static let inputShape = [1, 512, 130]
    /// The block widths.
    public static let widths = [32, 64, 128, 256, 128]
    /// The squeeze-and-excitation reduction ratio used unless asked otherwise (Hu et al.'s 16).
    public static let defaultReduction = 16

    let blocks: ModuleList
    let classifier: Sequential

    /// The model for `bins × frames` spectrograms and `classes` genres.
    public init(bins: Int = 512, frames: Int = 130, classes: Int = 10, reduction: Int = SECNN.defaultReduction,
                globalPooling: Bool = false) {
        blocks = ModuleList(zip([1] + Self.widths, Self.widths).map { input, output in
            Sequential(Conv2D(input, output, kernelSize: 3, padding: .explicit(1)), ReLU(), MaxPool2D(kernelSize: 2),
                       Dropout(0.25), SqueezeExcitation(channels: output, reduction: reduction))
        })
        let pools = Self.widths.count
        let features = Self.widths.last! * (globalPooling ? 1 : pooledSize(bins, count: pools) * pooledSize(frames, count: pools))
        classifier = Sequential(globalPooling ? GlobalAveragePool() : Flatten(), Linear(features, classes))
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor {
        classifier(blocks.reduce(input) { $1($0) })
    }
}
