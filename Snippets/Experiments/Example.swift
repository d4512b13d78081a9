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
enum FeatureMLPExample: GenreExample {
    static let name = "my-feature-mlp"
    static let abstract = "A Keras-style MLP on the 57 GTZAN features."
    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        let input = FeatureTableInput(table: .thirtySeconds)
        return [Experiment(input: input, split: .ratio(train: 0.8, validation: 0, test: 0.2),
                           model: { input.standardized(FeatureMLP(.keras, features: 57, classes: $0)) },
                           initialization: .keras, recipe: Recipe(epochs: 20, batchSize: 32, learningRate: 1e-3))]
    }
}
// snippet.hide
print(experiment.recipe.epochs)
if CommandLine.arguments.count > 1 {
// snippet.show
ExampleCommand<FeatureMLPExample>.main()
// snippet.hide
}
