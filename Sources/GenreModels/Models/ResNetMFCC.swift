import NN
import Tensor

/// The MFCC ResNet (Keras): 13 MFCC × 130 frames of a 3 s slice, input `[N, 1, 130, 13]`.
///
/// Conv 32 (3 × 3 "same") + BN + ReLU + max-pool 2 "same"; an identity residual block (2 × Conv 32 + BN) +
/// pool; a projection residual block (1 × 1 shortcut to 64, 2 × Conv 64 + BN) + pool; Flatten 2176,
/// Dense 64 (ReLU, L2 1e-3 on its kernel), dropout 0.4, Dense 10 (logits).
/// 217,226 parameters, 448 of them non-trainable (BatchNorm moving statistics). Keras initialisation.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class ResNetMFCC: Module, @unchecked Sendable {
    /// The notebook's initialisation (Keras).
    public static let initialization = InitializationScheme.keras
    /// The notebook's input: 130 frames × 13 coefficients.
    public static let inputShape = [1, 130, 13]

    let stem: Sequential
    let identityBlock: ResidualBlock
    let projectionBlock: ResidualBlock
    let pool: MaxPool2D
    let classifier: Sequential
    /// The Dense 64 layer (`classifier.1`).
    private let dense: Linear

    /// The model for `frames × coefficients` MFCC inputs and `classes` genres.
    public init(frames: Int = 130, coefficients: Int = 13, classes: Int = 10) {
        let convention = BatchNorm.Convention.keras
        stem = Sequential(convBlock(1, 32, kernelSize: 3, batchNorm: convention, poolPadding: .same))
        identityBlock = ResidualBlock(32, 32, batchNorm: convention)
        projectionBlock = ResidualBlock(32, 64, batchNorm: convention)
        pool = MaxPool2D(kernelSize: 2, padding: .same)
        let flattened = 64 * pooledSize(frames, count: 3, padding: .same) * pooledSize(coefficients, count: 3, padding: .same)
        dense = Linear(flattened, 64)
        classifier = Sequential(Flatten(), dense, ReLU(), Dropout(0.4), Linear(64, classes))
        super.init()
        register(stem, as: "stem")
        register(identityBlock, as: "identity_block")
        register(projectionBlock, as: "projection_block")
        register(pool, as: "pool")
        register(classifier, as: "classifier")
    }

    /// The Dense 64 kernel, which the notebook regularises with L2 1e-3.
    public var regularizedWeights: [Parameter] { [dense.weight] }

    public override func forward(_ input: Tensor) -> Tensor {
        classifier(pool(projectionBlock(pool(identityBlock(stem(input))))))
    }
}
