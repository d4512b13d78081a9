// mfcc-cnn: the Keras MFCC-slice CNN on 13 MFCC × 130 frames of 3 s slices (10 per track).
// Model: GenreModels.MFCCCNN, 45,514 parameters. Recipe (the Keras MFCC-CNN notebook): Adam 1e-4, batch 32, 50 epochs.
// Split: stratified 70/15/15 by artist (or track: --protocol).
import Experiments
import GenreModels
import GTZAN
import NN

enum MFCCCNNExample: GenreExample {
    static let name = "mfcc-cnn"
    static let abstract = "MFCC-slice CNN (45,514 parameters) on 3 s MFCC slices."

    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)),
                    split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                    model: { MFCCCNN(classes: $0) }, initialization: MFCCCNN.initialization,
                    recipe: Recipe(epochs: 50, batchSize: 32, learningRate: 1e-4, optimizer: .adam(epsilon: 1e-7),
                                   source: "the Keras MFCC-CNN notebook"))]
    }
}

ExampleCommand<MFCCCNNExample>.main()
