// An example executable's whole entry point and an experiment (the `GenreExample` and `Experiment` doc comments).
// snippet.hide
import Experiments
import GenreModels
import GTZAN
import NN
let experiment =
// snippet.show
Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc()),
           split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
           model: { ResNetMFCC(classes: $0) }, initialization: ResNetMFCC.initialization,
           recipe: Recipe(epochs: 60, batchSize: 32, learningRate: 1e-3))
// snippet.show
enum MFCCCNNExample: GenreExample {
    static let name = "mfcc-cnn"
    static let abstract = "The MFCC-slice CNN (45,514 parameters)."
    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)),
                    split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
                    model: { MFCCCNN(classes: $0) }, initialization: MFCCCNN.initialization,
                    recipe: Recipe(epochs: 50, batchSize: 32, learningRate: 1e-4, optimizer: .adam(epsilon: 1e-7),
                                   source: "the Keras MFCC-CNN notebook"))]
    }
}
// snippet.hide
print(experiment.recipe.epochs)
if CommandLine.arguments.count > 1 {
// snippet.show
ExampleCommand<MFCCCNNExample>.main()
// snippet.hide
}
