// resnet-mfcc: the Keras MFCC ResNet on 13 MFCC × 130 frames of 3 s slices (10 per track).
// Model: GenreModels.ResNetMFCC, 217,226 parameters (448 non-trainable).
// Recipe (the Keras MFCC-ResNet notebook): Adam 1e-3, batch 32, 60 epochs, lr constant for 10 epochs then × 0.95 per epoch,
// L2 1e-3 on the Dense 64 kernel. Split: stratified 70/15/15 by artist (or track: --protocol).
import Experiments
import GenreModels
import GTZAN
import NN

enum ResNetMFCCExample: GenreExample {
    static let name = "resnet-mfcc"
    static let abstract = "MFCC ResNet (217,226 parameters) on 3 s MFCC slices."

    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)),
                    split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                    model: { ResNetMFCC(classes: $0) }, initialization: ResNetMFCC.initialization,
                    recipe: Recipe(epochs: 60, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                                   schedule: try ConstantThenExponentialDecay(constantEpochs: 10, rate: 0.95),
                                   source: "the Keras MFCC-ResNet notebook"),
                    penalties: { [WeightPenalty(.l2, strength: 1e-3, on: $0.regularizedWeights)] })]
    }
}

ExampleCommand<ResNetMFCCExample>.main()
