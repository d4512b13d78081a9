import NN
import Tensor

/// Transfer learning on MobileNetV2 (width 1.0): RGB images with values 0…255, input `[N, 3, 224, 224]`.
///
/// ImageNet normalisation, the frozen MobileNetV2 backbone (NN's `MobileNetV2`, torchvision keys under
/// `backbone.`; 2,257,984 weights counted as Keras does), global average pooling, dropout 0.5, Dense 10
/// (logits): 12,810 trainable parameters. The frozen backbone always runs in inference mode (BatchNorm uses
/// its running statistics and does not update them), as Keras runs a non-trainable base model, and
/// records no gradients. ImageNet weights: load torchvision's export (`scripts/export_mobilenet_v2.py`) into a
/// `MobileNetV2` with `loadTorchvisionWeights(from:)` and pass it as `pretrained`.
public final class MobileNetTransfer: Module {
    public static let initialization = InitializationScheme.keras
    public static let inputShape = [3, 224, 224]

    let normalization = ImageNetNormalization()
    public let backbone = MobileNetV2()
    let head: Sequential

    /// - Parameter pretrained: a backbone whose weights are copied (nil: random initialisation).
    public init(classes: Int = 10, pretrained: MobileNetV2? = nil) {
        head = Sequential(GlobalAveragePool(), NN.Dropout(0.5), Linear(MobileNetV2.outputChannels, classes))
        super.init()
        if let pretrained {
            try! backbone.loadStateDict(pretrained.stateDict())  // the same architecture: every key and shape match
        }
        backbone.requiresGrad = false
        register(normalization, as: "normalization")
        register(backbone, as: "backbone")
        register(head, as: "head")
    }

    public override func forward(_ input: Tensor) -> Tensor {
        if backbone.isTraining { backbone.eval() }
        let features = Tensor.withoutGrad { backbone(normalization(input)) }
        return head(features)
    }
}
