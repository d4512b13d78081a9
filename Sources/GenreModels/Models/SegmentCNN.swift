import NN
import Tensor

/// The segment classifiers of the 8-genre segment-CNN assignment (PyTorch): one spectrogram-like input per 3–5 s
/// segment, `[N, 1, bins, frames]` (128-bin mel in dB by default; 20 MFCC or 12 chroma rows work too);
/// clip predictions average the segments' probabilities.
///
/// - `conv1d`: the `bins` rows as channels of Conv1D 128, 128, 256 (kernel 4) + BatchNorm + ReLU, max-pools
///   4 and 2, mean over time, dropout, Linear.
/// - `conv2d`: four blocks of Conv 3 × 3 "same" (16, 32, 64, 128) + BatchNorm + ReLU + 2 × 2 max-pool,
///   global average pool, dropout, Linear (the kernel-sweep network with kernel 3).
/// - `resnet`: Conv 32 + BatchNorm + ReLU + pool, residual blocks to 32, 64 (projection) and 128
///   (projection) with a pool after each but the last, global average pool, dropout, Linear.
/// PyTorch initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class SegmentCNN: Module, @unchecked Sendable {
    /// The three architectures of the assignment.
    public enum Architecture: String, CaseIterable, Sendable {
        case conv1d = "1d", conv2d = "2d", resnet
    }

    public static let initialization = InitializationScheme.pytorch

    public let architecture: Architecture
    let features: Sequential
    let classifier: Sequential

    /// The `architecture` for inputs of `bins` rows and `classes` genres, with `dropout` before the classifier.
    public init(_ architecture: Architecture, bins: Int = 128, classes: Int = 8, dropout: Float = 0.3) {
        self.architecture = architecture
        let width: Int
        switch architecture {
        case .conv1d:
            width = 256
            features = Sequential(FrequencyAsChannels(),
                                  Conv1D(bins, 128, kernelSize: 4), BatchNorm1D(128), ReLU(), MaxPool1D(kernelSize: 4),
                                  Conv1D(128, 128, kernelSize: 4), BatchNorm1D(128), ReLU(), MaxPool1D(kernelSize: 2),
                                  Conv1D(128, width, kernelSize: 4), BatchNorm1D(width), ReLU(), TemporalMeanPool())
        case .conv2d:
            width = KernelSweepCNN.widths.last!
            features = Sequential(zip([1] + KernelSweepCNN.widths, KernelSweepCNN.widths).flatMap {
                convBlock($0, $1, kernelSize: 3, batchNorm: .pytorch)
            } + [GlobalAveragePool()])
        case .resnet:
            width = 128
            features = Sequential(convBlock(1, 32, kernelSize: 3, batchNorm: .pytorch) + [
                ResidualBlock(32, 32, batchNorm: .pytorch), MaxPool2D(kernelSize: 2),
                ResidualBlock(32, 64, batchNorm: .pytorch), MaxPool2D(kernelSize: 2),
                ResidualBlock(64, width, batchNorm: .pytorch), GlobalAveragePool(),
            ])
        }
        classifier = Sequential(Dropout(dropout), Linear(width, classes))
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { classifier(features(input)) }
}
