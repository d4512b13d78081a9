import ArgumentParser

/// What an example's `main.swift` declares: its name, its own options, and the experiments they select.
///
/// ```swift
/// enum FeatureMLPExample: GenreExample {
///     static let name = "my-feature-mlp"
///     static let abstract = "A Keras-style MLP on the 57 GTZAN features."
///     static func experiments(_ options: NoOptions) throws -> [Experiment] {
///         let input = FeatureTableInput(table: .thirtySeconds)
///         return [Experiment(input: input, split: .ratio(train: 0.8, validation: 0, test: 0.2),
///                            model: { input.standardized(FeatureMLP(.keras, features: 57, classes: $0)) },
///                            initialization: .keras, recipe: Recipe(epochs: 20, batchSize: 32, learningRate: 1e-3))]
///     }
/// }
/// ExampleCommand<FeatureMLPExample>.main()
/// ```
public protocol GenreExample {
    /// The example's own command-line options (`NoOptions` when it has none).
    associatedtype Options: ParsableArguments = NoOptions
    /// The executable's name, also the default report folder `reports/<name>`.
    static var name: String { get }
    /// One line for `--help`.
    static var abstract: String { get }
    /// The runs `options` ask for: one, or several (folds, kernel × recipe) reported together.
    static func experiments(_ options: Options) throws -> [Experiment]
}

/// The options of an example that has none of its own.
public struct NoOptions: ParsableArguments {
    public init() {}
}
