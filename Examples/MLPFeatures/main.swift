// mlp-features: multilayer perceptrons on the 57 standardised GTZAN features (Kaggle's CSV tables, or
// the same table computed from the audio with DSP's GTZANFeatures and cached).
// Model: GenreModels.FeatureMLP behind a FeatureStandardization layer fitted on the training split.
// --variant keras (the Keras feature-MLP notebook): 256-128-64-10, dropout 0.3, Adam, batch 32, 50 epochs, 80/20 stratified split.
// --variant torch (the PyTorch feature-MLP notebook): 256-64-10, dropout 0.4/0.2, Adam with weight decay 1e-4, early stopping 30,
//   up to 300 epochs; our split 70/15/15 (early stopping needs validation data). Batch 32.
// --table 3 uses the 3 s rows, kept together per track unless --protocol segment (split by row, labelled as such).
import ArgumentParser
import Experiments
import GenreModels
import GTZAN
import NN

extension FeatureMLP.Variant: ExpressibleByArgument {}
extension FeatureTableBuilder.Table: ExpressibleByArgument {}

struct MLPFeaturesOptions: ParsableArguments {
    @Option(help: "keras (256-128-64-10) or torch (256-64-10).")
    var variant = FeatureMLP.Variant.keras
    @Option(help: "The feature table: 30 (one row per track) or 3 (one row per 3 s segment).")
    var table = FeatureTableBuilder.Table.thirtySeconds
}

enum MLPFeaturesExample: GenreExample {
    static let name = "mlp-features"
    static let abstract = "MLP on the 57 standardised GTZAN features (keras or torch variant)."

    static func experiments(_ options: MLPFeaturesOptions) throws -> [Experiment] {
        let input = FeatureTableInput(table: options.table)
        let variant = options.variant
        let recipe = variant == .keras
            ? Recipe(epochs: 50, batchSize: 32, learningRate: 1e-3, optimizer: .adam(epsilon: 1e-7),
                     source: "the Keras feature-MLP notebook")
            : Recipe(epochs: 300, batchSize: 32, learningRate: 1e-3, optimizer: .adam(weightDecay: 1e-4),
                     earlyStopping: try EarlyStopping(patience: 30, restoreBestWeights: true),
                     source: "the PyTorch feature-MLP notebook")
        return [Experiment(input: input,
                           split: variant == .keras ? .ratio(train: 0.8, validation: 0, test: 0.2)
                               : .ratio(train: 0.7, validation: 0.15, test: 0.15),
                           model: { input.standardized(FeatureMLP(variant, features: input.sampleShape[0], classes: $0)) },
                           initialization: variant.initialization, recipe: recipe,
                           notes: ["variant \(variant.rawValue)", "table \(options.table.fileName)"])]
    }
}

ExampleCommand<MLPFeaturesExample>.main()
