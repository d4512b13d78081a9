import Foundation
import NN
import Tensor

/// The MobileNetV2 (width 1.0) feature extractor with torchvision's state-dict keys (`features.0.0.weight`,
/// `features.1.conv.0.0.weight`, …, `features.18.1.running_var`): `[N, 3, H, W]` → `[N, 1280, H/32, W/32]`.
///
/// ImageNet weights exported from torchvision load with `loadTorchvisionWeights(from:)`:
/// ```python
/// import torchvision, safetensors.torch
/// m = torchvision.models.mobilenet_v2(weights="IMAGENET1K_V1")
/// safetensors.torch.save_file(m.state_dict(), "mobilenet_v2.safetensors")
/// ```
/// Its summary counts 2,257,984 weights as Keras does (2,223,872 parameters + 34,112 BatchNorm statistics).
// @unchecked: Module's rule for shared models (inference only reads; changes need exclusive access).
public final class MobileNetV2: Module, @unchecked Sendable {
    /// `(expansion t, channels c, repeats n, first stride s)` of the seven bottleneck stages.
    static let stages = [(1, 16, 1, 1), (6, 24, 2, 2), (6, 32, 3, 2), (6, 64, 4, 2), (6, 96, 3, 1),
                         (6, 160, 3, 2), (6, 320, 1, 1)]
    /// The number of output channels.
    public static let outputChannels = 1280

    /// The 19 feature stages `features.0` … `features.18`.
    public let features: Sequential

    public override init() {
        var layers: [Module] = [InvertedResidual.convNormReLU6(3, 32, kernelSize: 3, stride: 2)]
        var channels = 32
        for (expansion, outChannels, repeats, stride) in Self.stages {
            for index in 0..<repeats {
                layers.append(InvertedResidual(channels, outChannels, stride: index == 0 ? stride : 1, expandRatio: expansion))
                channels = outChannels
            }
        }
        layers.append(InvertedResidual.convNormReLU6(channels, Self.outputChannels, kernelSize: 1))
        features = Sequential(layers)
        super.init()
    }

    public override func forward(_ input: Tensor) -> Tensor { features(input) }

    /// Loads the `features.*` entries of a torchvision `mobilenet_v2` state dict (the `classifier.*` entries
    /// are ignored); every backbone key must be present with its shape.
    public func loadTorchvisionWeights(from url: URL) throws {
        let file = try SafeTensors(contentsOf: url)
        do {
            try loadStateDict(file.tensors.filter { $0.key.hasPrefix("features.") })
        } catch let error as CheckpointError {
            throw CheckpointError.io(url, error.description)
        }
    }
}
