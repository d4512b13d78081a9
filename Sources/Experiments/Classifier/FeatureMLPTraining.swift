import Foundation
import GenreModels
import GTZAN
import NN
import Tensor

/// Trains `FeatureMLP` (keras variant) on rows of a GTZAN feature table, behind a `FeatureStandardization`
/// layer fitted on the training rows: the recipe of `mlp-features --variant keras` (Adam, learning rate 1e-3,
/// ε 1e-7, batch 32, 50 epochs, Keras initialisation) without a validation side, so it can use every row.
struct FeatureMLPTraining {
    var epochs = 50
    var batchSize = 32
    var learningRate: Float = 1e-3
    var seed: UInt64 = 0

    /// A model trained on `rows` whose labels index `classes` classes.
    func train(_ rows: [FeatureRow], classes: Int) throws -> Sequential {
        guard let features = rows.first?.values.count else { throw ExperimentError.emptySplit("training") }
        let standardizer = try Standardizer(fitting: rows)
        let model = ParameterInitialization.using(FeatureMLP.Variant.keras.initialization, seed: seed) {
            Sequential(FeatureStandardization(standardizer, features: features),
                       FeatureMLP(.keras, features: features, classes: classes))
        }
        let optimizer = try OptimizerChoice.adam(epsilon: 1e-7).make(
            parameters: model.namedParameters().filter(\.parameter.requiresGrad), learningRate: learningRate)
        let trainer = try Trainer(model: model, optimizer: optimizer, loss: CrossEntropyLoss(),
                                  configuration: .init(epochs: epochs, seed: seed, showsProgress: false))
        let inputs = try Self.inputs(rows)
        let seed = seed
        try trainer.fit(training: TensorBatches(inputs: inputs, labels: rows.map(\.label), batchSize: batchSize,
                                                shuffleSeed: { seed &+ UInt64($0) }))
        model.eval()
        return model
    }

    /// The fraction of `rows` that `model` labels correctly.
    static func accuracy(of model: Module, on rows: [FeatureRow]) throws -> Double {
        let inputs = try inputs(rows)
        let output = Tensor.withoutGrad { model(inputs) }
        let predicted = try ClassScores(values: output.scalars, classCount: output.shape[1]).predictedClasses
        return Double(zip(predicted, rows).filter { $0 == $1.label }.count) / Double(rows.count)
    }

    private static func inputs(_ rows: [FeatureRow]) throws -> Tensor {
        try Tensor(rows.flatMap(\.values), shape: [rows.count, rows[0].values.count])
    }
}
