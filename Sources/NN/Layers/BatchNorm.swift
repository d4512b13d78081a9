import Tensor

/// Batch normalisation over axis 1 (the shared implementation of `BatchNorm1D` and `BatchNorm2D`):
/// learnable `weight` (γ) and `bias` (β), buffers `running_mean`, `running_var` and `num_batches_tracked`
/// with PyTorch's names.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public class BatchNorm: Module, @unchecked Sendable {
    /// Default hyper-parameters of the two frameworks.
    public enum Convention: Sendable {
        /// PyTorch: momentum 0.1 (weight of the batch statistics), eps 1e-5.
        case pytorch
        /// Keras: momentum 0.99 (weight of the running statistics, i.e. 0.01 here), epsilon 1e-3.
        case keras
    }

    /// Number of channels (C).
    public let features: Int
    /// The weight of the batch statistics in the running update (PyTorch's meaning).
    public let momentum: Float
    /// Added to the denominator for numerical stability.
    public let epsilon: Float
    /// `[features]` γ, or nil when not affine.
    public let weight: Parameter?
    /// `[features]` β, or nil when not affine.
    public let bias: Parameter?
    /// `[features]` running mean (`running_mean`), used in evaluation.
    public let runningMean: Buffer
    /// `[features]` running unbiased variance (`running_var`), used in evaluation.
    public let runningVariance: Buffer
    /// Training batches seen (PyTorch's counter, kept for state-dict compatibility).
    public let batchesTracked: Buffer
    private let expectedRanks: Set<Int>

    init(features: Int, convention: Convention, momentum: Float?, epsilon: Float?, affine: Bool, expectedRanks: Set<Int>) {
        precondition(features > 0, "\(Self.self)(\(features)): features must be positive")
        self.features = features
        self.momentum = momentum ?? (convention == .pytorch ? 0.1 : 0.01)
        self.epsilon = epsilon ?? (convention == .pytorch ? 1e-5 : 1e-3)
        weight = affine ? Parameter(Tensor.ones([features])) : nil
        bias = affine ? Parameter(Tensor.zeros([features])) : nil
        runningMean = Buffer(Tensor.zeros([features]))
        runningVariance = Buffer(Tensor.ones([features]))
        batchesTracked = Buffer(Tensor(0), countsAsWeight: false)
        self.expectedRanks = expectedRanks
        super.init()
        register(runningMean, as: "running_mean")
        register(runningVariance, as: "running_var")
        register(batchesTracked, as: "num_batches_tracked")
    }

    public override func forward(_ input: Tensor) -> Tensor {
        precondition(expectedRanks.contains(input.rank) && input.shape[1] == features,
                     "\(typeName)(\(features)): input \(input.shape) must have rank \(expectedRanks.sorted()) and \(features) channels")
        var mean = runningMean.value, variance = runningVariance.value
        let output = input.batchNorm(runningMean: &mean, runningVariance: &variance, weight: weight?.value,
                                     bias: bias?.value, training: isTraining, momentum: momentum, epsilon: epsilon)
        if isTraining {
            runningMean.value = mean
            runningVariance.value = variance
            batchesTracked.value = batchesTracked.value + 1
        }
        return output
    }

    /// The per-channel `(scale, shift)` that evaluation mode applies, `y = scale · x + shift`:
    /// `scale = γ / √(running_var + ε)` and `shift = β − running_mean · scale`.
    func inferenceAffine() -> (scale: Tensor, shift: Tensor) {
        let inverseDeviation = 1 / (runningVariance.value + epsilon).sqrt()
        let scale = weight.map { $0.value * inverseDeviation } ?? inverseDeviation
        return (scale, (bias?.value ?? Tensor.zeros([features])) - runningMean.value * scale)
    }
}
