// mobilenet-transfer: a frozen MobileNetV2 (width 1.0) backbone, global average pooling, dropout 0.5 and
// Dense (one output per genre present) on 224 × 224 RGB spectrogram images with ImageNet normalisation.
// Model: GenreModels.MobileNetTransfer, 2,257,984 frozen backbone weights + 12,810 trainable. --weights loads ImageNet weights exported from torchvision with
// scripts/export_mobilenet_v2.py; without them the backbone is random (said loudly). Recipe: Adam 1e-3,
// batch 32, 30 epochs, stratified 70/15/15 split by artist or track (ours).
import ArgumentParser
import Experiments
import Foundation
import GenreModels
import GTZAN
import NN

struct MobileNetOptions: ParsableArguments {
    @Option(help: "ImageNet weights of torchvision's mobilenet_v2 as .safetensors (scripts/export_mobilenet_v2.py).")
    var weights: String?
}

enum MobileNetTransferExample: GenreExample {
    static let name = "mobilenet-transfer"
    static let abstract = "Frozen MobileNetV2 backbone + genre head (12,810 trainable for 10 genres) on 224 × 224 images."

    static func experiments(_ options: MobileNetOptions) throws -> [Experiment] {
        let pretrained = try options.weights.map { path -> [String: StoredTensor] in
            let model = MobileNetTransfer()
            try model.loadBackboneWeights(from: URL(fileURLWithPath: path))  // typed errors before training
            return model.stateDict().filter { $0.key.hasPrefix("features.") }
        }
        if pretrained == nil {
            warn("WARNING: no --weights given: the MobileNetV2 backbone is RANDOMLY INITIALISED and frozen, so training "
                 + "is not transfer learning (checkpoints carry their own backbone).\n"
                 + "Export ImageNet weights with scripts/export_mobilenet_v2.py and pass --weights.")
        }
        return [Experiment(input: ImageInput(width: 224, height: 224, normalization: .imageNet),
                           split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                           model: { classes in
                               let model = MobileNetTransfer(classes: classes)
                               if let pretrained { try! model.loadStateDict(pretrained, strict: false) }  // checked above
                               return model
                           }, initialization: MobileNetTransfer.initialization,
                           recipe: Recipe(epochs: 30, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                                          source: "the MobileNetV2 transfer notebook"),
                           notes: [options.weights.map { "backbone: ImageNet weights from \($0)" }
                                       ?? "backbone: RANDOM initialisation (no --weights)"])]
    }

    static func warn(_ message: String) {
        FileHandle.standardError.write(Data((String(repeating: "!", count: 80) + "\n" + message + "\n"
                                             + String(repeating: "!", count: 80) + "\n").utf8))
    }
}

ExampleCommand<MobileNetTransferExample>.main()
