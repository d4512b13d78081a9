// se-cnn: the squeeze-and-excitation CNN on 512 × 130 power spectrograms (dB) of 3 s segments with 50 %
// overlap (19 per track). Model: GenreModels.SECNN. Recipe (the PyTorch SE-CNN study): Adam 1e-3, weight decay 1e-4,
// batch 64, lr decayed linearly to 1/10 over 50 epochs, early stopping 10. Protocol: 5-fold stratified CV
// (seed 123456789 on sorted file names) by artist when artist ids are known, else by track (`--protocol`);
// segment- and file-wise accuracy per fold, mean ± std.
import ArgumentParser
import Experiments
import GenreModels
import GTZAN
import NN

struct SECNNOptions: ParsableArguments {
    @Option(parsing: .unconditional, help: "Folds to run, 1-based and comma-separated.")
    var folds = IntegerList([1, 2, 3, 4, 5])
    @Flag(help: "Augment training segments: noise, gain, frequency and time masks.")
    var augment = false
    @Option(parsing: .unconditional, help: "Squeeze-and-excitation reduction ratio.")
    var reduction = SECNN.defaultReduction
    @Flag(help: "Global average pooling instead of Flatten before the classifier.")
    var gap = false
}

/// Bounds of a fold's memory (issue 16: one fold peaked at 4.87 GB): batches of 64 run as parts of 8 samples
/// (the model has no batch statistics, so the update is the batch's), and an evaluation side is held in memory
/// only up to 256 MB of spectrograms (984 segments); larger ones are recomputed every epoch as they stream.
private let secnnMicroBatch = 8
private let secnnInputMemory = 256 << 20

enum SECNNExample: GenreExample {
    static let name = "se-cnn"
    static let abstract = "SE-CNN on 3 s power spectrograms, 5-fold CV by artist or track."

    static func experiments(_ options: SECNNOptions) throws -> [Experiment] {
        let (reduction, gap) = (options.reduction, options.gap)
        guard reduction >= 1 else { throw ExperimentError.invalidOption("--reduction", "\(reduction) must be at least 1") }
        let base = Experiment(
            input: SegmentInput(segmentation: .threeSecondsHalfOverlap,
                                representation: .powerSpectrogram(nFFT: 1024, hopLength: 512, bins: 512, decibels: true),
                                augmentation: options.augment ? Augmentation(noiseSNR: 20...40, gainDecibels: -6...6,
                                                                             frequencyMaskParameter: 48, timeMaskParameter: 20) : nil,
                                memoryLimit: secnnInputMemory),
            split: .kFold(folds: 5, seed: 123_456_789),
            model: { SECNN(classes: $0, reduction: reduction, globalPooling: gap) }, initialization: SECNN.initialization,
            recipe: Recipe(epochs: 50, batchSize: 64, learningRate: 1e-3, optimizer: .adam(weightDecay: 1e-4),
                           schedule: try LinearDecay(to: 0.1, over: 50), earlyStopping: try EarlyStopping(patience: 10),
                           microBatchSize: secnnMicroBatch, source: "the PyTorch SE-CNN study"))
        return try options.folds.checked("--folds", in: 1...5).map { fold in
            base.with { $0.fold = fold - 1; $0.runName = "fold-\(fold)" }
        }
    }
}

ExampleCommand<SECNNExample>.main()
