/// Batch normalisation of `[N, C, H, W]` over N, H, W per channel (as `torch.nn.BatchNorm2d`; Keras
/// `BatchNormalization` on images with `.keras` conventions).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class BatchNorm2D: BatchNorm, @unchecked Sendable {
    /// PyTorch's defaults (momentum 0.1, eps 1e-5) unless `convention` is `.keras` (0.99, 1e-3) or values are given.
    public init(_ features: Int, convention: Convention = .pytorch, momentum: Float? = nil, epsilon: Float? = nil,
                affine: Bool = true) {
        super.init(features: features, convention: convention, momentum: momentum, epsilon: epsilon, affine: affine,
                   expectedRanks: [4])
    }
}
