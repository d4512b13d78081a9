// segment-cnn: the 8-genre segment-CNN assignment (classical, country, disco, hiphop, jazz, metal, pop, reggae) on the
// fault-filtered train/valid/test lists (a stratified split by artist or track when the data has no lists, e.g. the
// synthetic set); 128-bin mel segments of 3–5 s, clips predicted by averaging their segments.
// Models: GenreModels.SegmentCNN (1d | 2d | resnet). Recipe: the assignment's knobs as options.
import ArgumentParser
import Experiments
import GenreModels
import GTZAN
import NN

struct SegmentCNNOptions: ParsableArguments {
    @Option(help: "Architecture: 1d, 2d or resnet.")
    var arch = "2d"
    @Option(help: "Optimizer: sgd-nesterov, adam or rmsprop.")
    var optimizer = "sgd-nesterov"
    @Option(help: "Input: mel (128 bins, dB), mfcc (20) or chroma (12).")
    var input = "mel"
    @Option(parsing: .unconditional, help: "Segment length in seconds (3–5).")
    var segmentSeconds = 3.0
    @Option(parsing: .unconditional, help: "L1 penalty on every weight matrix and kernel.")
    var l1: Float = 0
    @Option(parsing: .unconditional, help: "L2 penalty on every weight matrix and kernel.")
    var l2: Float = 0
    @Option(parsing: .unconditional, help: "Dropout before the classifier.")
    var dropout: Float = 0.3
    @Option(parsing: .unconditional, help: "ReduceLROnPlateau patience (epochs).")
    var plateauPatience = 5
    @Option(parsing: .unconditional, help: "ReduceLROnPlateau factor.")
    var plateauFactor: Float = 0.2
    @Flag(help: "Augment training segments: noise, gain, frequency and time masks.")
    var augment = false
    @Option(help: "Genres, comma-separated.")
    var genres = "classical,country,disco,hiphop,jazz,metal,pop,reggae"
}

enum SegmentCNNExample: GenreExample {
    static let name = "segment-cnn"
    static let abstract = "8-genre segment CNNs (1d, 2d, resnet) on mel, MFCC or chroma segments."

    static func experiments(_ options: SegmentCNNOptions) throws -> [Experiment] {
        let inputs: [String: InputRepresentation] = ["mel": .melDecibels(nMels: 128), "mfcc": .mfcc(count: 20), "chroma": .chroma()]
        let optimizers: [String: (OptimizerChoice, Float)] = ["sgd-nesterov": (.sgd(momentum: 0.9, nesterov: true), 1e-2),
                                                              "adam": (.adam(), 1e-3), "rmsprop": (.rmsprop, 1e-3)]
        guard let architecture = SegmentCNN.Architecture(rawValue: options.arch) else {
            throw ExperimentError.invalidOption("--arch", "'\(options.arch)' is not 1d, 2d or resnet")
        }
        guard let representation = inputs[options.input] else {
            throw ExperimentError.invalidOption("--input", "'\(options.input)' is not mel, mfcc or chroma")
        }
        guard let (optimizer, learningRate) = optimizers[options.optimizer] else {
            throw ExperimentError.invalidOption("--optimizer", "'\(options.optimizer)' is not sgd-nesterov, adam or rmsprop")
        }
        guard (3...5).contains(options.segmentSeconds) else {
            throw ExperimentError.invalidOption("--segment-seconds", "\(options.segmentSeconds) is not in 3...5")
        }
        guard (0..<1).contains(options.dropout) else {
            throw ExperimentError.invalidOption("--dropout", "\(options.dropout) is not a probability in [0, 1)")
        }
        for (option, value) in [("--l1", options.l1), ("--l2", options.l2)] where !(value >= 0 && value.isFinite) {
            throw ExperimentError.invalidOption(option, "\(value) must be a non-negative number")
        }
        let genres = try Genre.subset(options.genres.split(separator: ","))
        let input = SegmentInput(segmentation: try Segmentation(seconds: options.segmentSeconds),
                                 representation: representation,
                                 augmentation: options.augment ? Augmentation(noiseSNR: 20...40, gainDecibels: -6...6,
                                                                              frequencyMaskParameter: 12, timeMaskParameter: 20) : nil)
        let (dropout, l1, l2) = (options.dropout, options.l1, options.l2)
        return [Experiment(
            input: input, split: .filteredLists(fallback: .ratio(train: 0.5, validation: 0.2, test: 0.3)),
            model: { SegmentCNN(architecture, bins: input.sampleShape[1], classes: $0, dropout: dropout) },
            initialization: SegmentCNN.initialization,
            recipe: Recipe(epochs: 40, batchSize: 32, learningRate: learningRate, optimizer: optimizer,
                           schedule: try ReduceLROnPlateau(factor: options.plateauFactor, patience: options.plateauPatience),
                           monitor: "val_accuracy", source: "the 8-genre segment-CNN assignment"),
            penalties: { model in
                let weights = model.namedParameters().filter { $0.name.hasSuffix("weight") && $0.parameter.shape.count > 1 }.map(\.parameter)
                return [(WeightPenalty.Kind.l1, l1), (.l2, l2)].filter { $0.1 > 0 }.map { WeightPenalty($0.0, strength: $0.1, on: weights) }
            },
            genres: genres)]
    }
}

ExampleCommand<SegmentCNNExample>.main()
