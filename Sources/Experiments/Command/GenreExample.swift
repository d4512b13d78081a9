import ArgumentParser

/// What an example's `main.swift` declares: its name, its own options, and the experiments they select.
///
/// ```swift
/// enum MFCCCNNExample: GenreExample {
///     static let name = "mfcc-cnn"
///     static let abstract = "The MFCC-slice CNN (45,514 parameters)."
///     static func experiments(_ options: NoOptions) throws -> [Experiment] {
///         [Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)),
///                     split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
///                     model: { MFCCCNN(classes: $0) }, initialization: MFCCCNN.initialization,
///                     recipe: Recipe(epochs: 50, batchSize: 32, learningRate: 1e-4, optimizer: .adam(epsilon: 1e-7),
///                                    source: "the Keras MFCC-CNN notebook"))]
///     }
/// }
/// ExampleCommand<MFCCCNNExample>.main()
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
