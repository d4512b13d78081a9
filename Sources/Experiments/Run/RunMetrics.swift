import Foundation

/// What `metrics.json` holds for one run.
public struct RunMetrics: Codable, Equatable {
    /// The example and run (`se-cnn/fold-1`).
    public var run: String
    /// `artist`, `track`, `segment` or `official` (what the split kept on one side).
    public var evaluationProtocol: String
    /// What qualifies the protocol, e.g. `track protocol: no artist ids known`; nil when nothing does.
    public var protocolNote: String?
    /// Where the data came from, and whether it was the synthetic dataset.
    public var dataset: String
    public var synthetic: Bool
    /// Accuracy on validation and test samples (segments when the input is segmented).
    public var validationAccuracy: Double?
    public var testAccuracy: Double
    /// Accuracy per track after averaging its segments' probabilities; nil for unsegmented inputs.
    public var validationFileAccuracy: Double?
    public var testFileAccuracy: Double?
    public var testLoss: Double
    /// Test recall per genre (sample-wise).
    public var perClassRecall: [String: Double]
    /// Epochs trained (fewer than asked when early stopping ended the run).
    public var epochs: Int
    public var trainingSeconds: Double
    /// Which weights were evaluated (`best.safetensors` or the last epoch's).
    public var evaluatedCheckpoint: String
    public var parameters: Int
    public var trainableParameters: Int
    /// The run's group in a study.
    public var group: String?
    /// The genres classified (present in the data used), in label order; nil in files written before.
    public var genres: [String]?
    /// Replica groups kept on one side; nil in files written before.
    public var replicaGroups: Int?

    /// Encodes as pretty, sorted, snake-case JSON.
    public func json() throws -> Data {
        try Self.encoder.encode(self)
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    /// Decodes `metrics.json`.
    public init(contentsOf url: URL) throws {
        self = try Self.decoder.decode(RunMetrics.self, from: Data(contentsOf: url))
    }

    public init(run: String, evaluationProtocol: String, dataset: String, synthetic: Bool, validationAccuracy: Double?,
                testAccuracy: Double, validationFileAccuracy: Double?, testFileAccuracy: Double?, testLoss: Double,
                perClassRecall: [String: Double], epochs: Int, trainingSeconds: Double, evaluatedCheckpoint: String,
                parameters: Int, trainableParameters: Int, group: String?, genres: [String]? = nil, replicaGroups: Int? = nil,
                protocolNote: String? = nil) {
        self.run = run
        self.evaluationProtocol = evaluationProtocol
        self.protocolNote = protocolNote
        self.dataset = dataset
        self.synthetic = synthetic
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
        self.validationFileAccuracy = validationFileAccuracy
        self.testFileAccuracy = testFileAccuracy
        self.testLoss = testLoss
        self.perClassRecall = perClassRecall
        self.epochs = epochs
        self.trainingSeconds = trainingSeconds
        self.evaluatedCheckpoint = evaluatedCheckpoint
        self.parameters = parameters
        self.trainableParameters = trainableParameters
        self.group = group
        self.genres = genres
        self.replicaGroups = replicaGroups
    }
}
