import GTZAN
import NN

/// One training run as a document describes it: input, split, model and recipe. The protocol (what the split keeps
/// on one side) is the run's (`RunSettings.evaluationProtocol`, `RunGrouping`), and the model gets one output per
/// genre present in the data used.
///
/// ```swift
/// Experiment(input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc()),
///            split: .ratio(train: 0.7, validation: 0.15, test: 0.15),
///            model: { ResNetMFCC(classes: $0) }, initialization: ResNetMFCC.initialization,
///            recipe: Recipe(epochs: 60, batchSize: 32, learningRate: 1e-3))
/// ```
public struct Experiment {
    /// The run's name inside a study (`fold-1`, `k5-recipe-2`); nil for a single run.
    public var runName: String?
    /// Runs sharing a group are tabulated and plotted together (a recipe of the kernel sweep).
    public var group: String?
    /// How inputs are computed from audio.
    public var input: any InputPipeline
    public var split: SplitPlan
    /// The fold of a K-fold plan this run tests on (0-based).
    public var fold: Int?
    /// The labels asked for (a subset, e.g. the 8 genres of segment-cnn); nil for every label of the collection
    /// (GTZAN's ten on a GTZAN copy). Those present in the data are classified.
    public var genres: [Genre]?
    public var initialization: InitializationScheme
    public var recipe: Recipe
    /// Free-form facts for the report (the published model's reported accuracy, deviations from its recipe).
    public var notes: [String]
    private let build: (Int) -> Module
    private let penaltiesOf: (Module) -> [WeightPenalty]

    /// - Parameters:
    ///   - input: how a track becomes samples (segments, images, feature rows).
    ///   - split: how tracks are divided into training, validation and test sides.
    ///   - model: builds the untrained model for a number of classes (called inside the initialisation scope).
    ///   - initialization: the framework whose default initialisation the model gets (Keras or PyTorch).
    ///   - recipe: epochs, batch size, optimizer, schedule and loss.
    ///   - penalties: the L1/L2 penalties of the recipe on the built model's parameters.
    ///   - genres: the labels asked for (nil: every label of the collection); those present in the data are classified.
    ///   - runName: the run's name within a study (folds, kernels × recipes); nil for a single run.
    ///   - group: runs of one group are tabulated and plotted together.
    ///   - fold: the held-out fold of a K-fold split.
    ///   - notes: free-form facts for the report.
    public init<Model: Module>(input: any InputPipeline, split: SplitPlan, model: @escaping (_ classes: Int) -> Model,
                               initialization: InitializationScheme, recipe: Recipe,
                               penalties: @escaping (Model) -> [WeightPenalty] = { _ in [] },
                               genres: [Genre]? = nil,
                               runName: String? = nil, group: String? = nil, fold: Int? = nil, notes: [String] = []) {
        self.input = input
        self.split = split
        self.initialization = initialization
        self.recipe = recipe
        self.genres = genres
        self.runName = runName
        self.group = group
        self.fold = fold
        self.notes = notes
        build = model
        penaltiesOf = { penalties($0 as! Model) }
    }

    /// The model with `classes` outputs (default: one per label asked for, GTZAN's ten when none is named) and
    /// fresh weights drawn from `seed`. Training passes the label count of the collection loaded.
    public func makeModel(seed: UInt64, classes: Int? = nil) -> Module {
        ParameterInitialization.using(initialization, seed: seed) { build(classes ?? (genres ?? Genre.gtzan).count) }
    }

    /// The recipe's weight penalties on `model` (a model from `makeModel`).
    public func penalties(on model: Module) -> [WeightPenalty] { penaltiesOf(model) }

    /// A copy with some fields changed, for studies that vary one thing.
    public func with(_ change: (inout Experiment) -> Void) -> Experiment {
        var copy = self
        change(&copy)
        return copy
    }
}
