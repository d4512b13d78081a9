import NN

/// How a model is trained: the numbers a published model states next to its architecture.
public struct Recipe {
    /// Where the numbers come from, as help and reports name it ("the Keras MFCC-ResNet notebook"); nil when
    /// the recipe is GenreKit's own.
    public var source: String?
    /// Epochs (an upper bound when `earlyStopping` is set).
    public var epochs: Int
    public var batchSize: Int
    public var learningRate: Float
    public var optimizer: OptimizerChoice
    /// The training loss; `CategoricalCrossEntropy` for models that end in Softmax.
    public var loss: any Loss
    /// Changes the learning rate after every epoch; nil keeps it constant.
    public var schedule: (any LearningRateSchedule)?
    public var earlyStopping: EarlyStopping?
    /// The metric deciding `best.safetensors` (falls back to the training metric without validation data).
    public var monitor: String
    /// The most samples run through the model at once (`Trainer.Configuration.microBatchSize`); nil for whole batches.
    public var microBatchSize: Int?

    public init(epochs: Int, batchSize: Int, learningRate: Float, optimizer: OptimizerChoice = .adam(),
                loss: any Loss = CrossEntropyLoss(), schedule: (any LearningRateSchedule)? = nil,
                earlyStopping: EarlyStopping? = nil, monitor: String = "val_loss", microBatchSize: Int? = nil,
                source: String? = nil) {
        self.source = source
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.optimizer = optimizer
        self.loss = loss
        self.schedule = schedule
        self.earlyStopping = earlyStopping
        self.monitor = monitor
        self.microBatchSize = microBatchSize
    }

    /// True when the loss expects probabilities (the model ends in Softmax), so outputs are not
    /// softmaxed again before averaging segments or ranking genres.
    public var outputsProbabilities: Bool { loss is CategoricalCrossEntropy }

    /// A JSON-friendly description for the run configuration.
    var configuration: [String: String] {
        ["epochs": String(epochs), "batch_size": String(batchSize), "learning_rate": String(learningRate),
         "optimizer": optimizer.description, "loss": String(describing: type(of: loss)),
         "schedule": schedule.map { String(describing: $0) } ?? "constant",
         "early_stopping": earlyStopping.map { "\($0.monitor) patience \($0.patience)" } ?? "none",
         "monitor": monitor, "micro_batch_size": microBatchSize.map(String.init) ?? "none",
         "source": source ?? "GenreKit"]
    }
}

/// The optimizers of the published models, with PyTorch's update rules.
public enum OptimizerChoice: CustomStringConvertible, Sendable {
    /// Adam; `epsilon` 1e-7 reproduces Keras, 1e-8 PyTorch. `weightDecay` is PyTorch's L2-in-gradient.
    case adam(epsilon: Float = 1e-8, weightDecay: Float = 0)
    /// AdamW with decoupled weight decay.
    case adamW(weightDecay: Float = 1e-2)
    /// SGD with momentum, optionally Nesterov.
    case sgd(momentum: Float = 0.9, nesterov: Bool = true, weightDecay: Float = 0)
    /// RMSProp with Keras' conventions (rho 0.9, epsilon 1e-7 inside the root).
    case rmsprop

    /// The optimizer over `parameters` (frozen ones excluded by the caller).
    public func make(parameters: [(name: String, parameter: Parameter)], learningRate: Float) throws -> Optimizer {
        switch self {
        case let .adam(epsilon, weightDecay):
            return try Adam(parameters: parameters, learningRate: learningRate, epsilon: epsilon, weightDecay: weightDecay)
        case let .adamW(weightDecay):
            return try AdamW(parameters: parameters, learningRate: learningRate, weightDecay: weightDecay)
        case let .sgd(momentum, nesterov, weightDecay):
            return try SGD(parameters: parameters, learningRate: learningRate, momentum: momentum, nesterov: nesterov,
                           weightDecay: weightDecay)
        case .rmsprop:
            return try RMSProp.keras(parameters: parameters, learningRate: learningRate)
        }
    }

    public var description: String {
        switch self {
        case let .adam(epsilon, weightDecay): return "Adam(eps \(epsilon), weight decay \(weightDecay))"
        case let .adamW(weightDecay): return "AdamW(weight decay \(weightDecay))"
        case let .sgd(momentum, nesterov, weightDecay):
            return "SGD(momentum \(momentum)\(nesterov ? ", Nesterov" : ""), weight decay \(weightDecay))"
        case .rmsprop: return "RMSProp(Keras)"
        }
    }
}
