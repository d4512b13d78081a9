import Foundation
import NN
import Tensor

/// Transfer learning on MobileNetV2 (width 1.0): RGB images with values 0…255, input `[N, 3, 224, 224]`.
///
/// ImageNet normalisation, the frozen MobileNetV2 backbone (NN's `MobileNetV2`, torchvision keys under
/// `backbone.`; 2,257,984 weights counted as Keras does), global average pooling, dropout 0.5, Dense 10
/// (logits): 12,810 trainable parameters. The frozen backbone always runs in inference mode (BatchNorm uses
/// its running statistics and does not update them), as Keras runs a non-trainable base model, and
/// records no gradients. Load ImageNet weights exported from torchvision with `loadBackboneWeights(from:)`.
public final class MobileNetTransfer: Module {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [3, 224, 224]

    let normalization = ImageNetNormalization()
    public let backbone = MobileNetV2()
    let head: Sequential

    public init(classes: Int = 10) {
        head = Sequential(GlobalAveragePool(), NN.Dropout(0.5), Linear(MobileNetV2.outputChannels, classes))
        super.init()
        backbone.setRequiresGrad(false)
        register(normalization, as: "normalization")
        register(backbone, as: "backbone")
        register(head, as: "head")
    }

    /// Loads the backbone from a torchvision `mobilenet_v2` state dict (`scripts/export_mobilenet_v2.py`).
    public func loadBackboneWeights(from url: URL) throws {
        try backbone.loadTorchvisionWeights(from: url)
    }

    public override func forward(_ input: Tensor) -> Tensor {
        if backbone.isTraining { backbone.eval() }
        let features = Tensor.withoutGrad { backbone(normalization(input)) }
        return head(features)
    }
}
