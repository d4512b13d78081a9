import NN
import Tensor

/// torchvision's ImageNet preprocessing for 0…255 RGB input: `(x / 255 − mean) / std` per channel with
/// mean (0.485, 0.456, 0.406) and std (0.229, 0.224, 0.225). No weights.
final class ImageNetNormalization: Module {
    private let mean = try! Tensor([0.485, 0.456, 0.406].map { Float($0) * 255 }, shape: [1, 3, 1, 1])
    private let std = try! Tensor([0.229, 0.224, 0.225].map { Float($0) * 255 }, shape: [1, 3, 1, 1])

    override func forward(_ input: Tensor) -> Tensor { (input - mean) / std }
}
