import NN
import Tensor

/// The spectrogram CNN of the kernel-size study (PyTorch): a mel spectrogram in dB, input `[N, 1, 128, frames]`.
///
/// Four blocks of Conv `kernelSize` × `kernelSize` "same" (16, 32, 64, 128 channels) + BatchNorm + ReLU +
/// 2 × 2 max-pool, global average pool, dropout 0.3, Linear 10. With kernel k the count is
/// Σ (cᵢₙ·k²·c + c) + 4·(16 + 32 + 64 + 128) + 1,290 (BatchNorm: γ, β and two moving statistics per channel).
/// PyTorch initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class KernelSweepCNN: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.pytorch
    /// The channel widths of the four blocks.
    public static let widths = [16, 32, 64, 128]

    public let kernelSize: Int
    let features: Sequential
    let classifier: Sequential

    /// The model with square kernels of `kernelSize` (3, 5 or 7 in the study) over `inputChannels` planes.
    public init(kernelSize: Int = 3, inputChannels: Int = 1, classes: Int = 10, dropout: Float = 0.3) {
        precondition(kernelSize > 0 && kernelSize % 2 == 1, "KernelSweepCNN: kernel size \(kernelSize) must be odd and positive")
        self.kernelSize = kernelSize
        features = Sequential(zip([inputChannels] + Self.widths, Self.widths).flatMap {
            convBlock($0, $1, kernelSize: kernelSize, batchNorm: .pytorch)
        })
        classifier = Sequential(GlobalAveragePool(), Dropout(dropout), Linear(Self.widths.last!, classes))
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { classifier(features(input)) }
}
