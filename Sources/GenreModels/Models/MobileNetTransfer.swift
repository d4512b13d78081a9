import Foundation
import NN
import Tensor

/// Transfer learning on MobileNetV2 (Keras): spectrogram images `[N, 3, size, size]` through NN's
/// MobileNetV2 (width 1.0) backbone, frozen — 2,257,984 weights counted as Keras counts them — then global
/// average pooling, dropout 0.5 and Dense 10 (12,810 trainable parameters; logits).
///
/// Keys follow torchvision's `mobilenet_v2` with a new head: `features.*`, `classifier.1.weight`.
/// A frozen backbone runs as Keras runs a frozen base: in inference mode (BatchNorm uses and keeps its
/// running statistics) and outside the autograd graph, whatever the mode of the whole model.
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class MobileNetTransfer: Module, @unchecked Sendable {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [3, 224, 224]

    let backbone = MobileNetV2()
    let pool = GlobalAveragePool()
    let classifier: Sequential
    /// Whether the backbone is frozen (weights fixed, BatchNorm in inference mode).
    public let isBackboneFrozen: Bool

    /// The model for `classes` genres; `frozen` keeps the backbone's weights fixed.
    public init(classes: Int = 10, frozen: Bool = true) {
        classifier = Sequential(Dropout(0.5), Linear(MobileNetV2.outputChannels, classes))
        isBackboneFrozen = frozen
        super.init()
        backbone.requiresGrad = !frozen
        register(backbone.features, as: "features")
        register(pool, as: "pool")
        register(classifier, as: "classifier")
    }

    /// Loads ImageNet weights exported from torchvision (see `MobileNetV2`) into the backbone.
    public func loadBackboneWeights(from url: URL) throws {
        try backbone.loadTorchvisionWeights(from: url)
    }

    public override func forward(_ input: Tensor) -> Tensor {
        guard isBackboneFrozen else { return classifier(pool(backbone(input))) }
        // Written only when needed: a model in evaluation mode serves many tasks at once (see `Module`).
        if backbone.features.isTraining { backbone.features.eval() }
        let features = Tensor.withoutGrad { backbone(input) }
        return classifier(pool(features))
    }
}
