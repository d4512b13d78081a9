import Foundation
import GTZAN
import Tensor

/// Everything about a run that is not the experiment itself: where data and reports live, overrides of
/// the recipe, seed and threads (the common command-line options).
public struct RunSettings {
    /// The collection: a GTZAN root in any layout, an FMA copy, a folder per label or a `.csv`/`.tsv` track table
    /// (`LabelledCollection(detecting:)`); nil for the synthetic dataset.
    public var dataRoot: URL?
    /// The FMA subset used when `dataRoot` is FMA.
    public var fmaSubset: FMASubset = .small
    /// The labels to keep, replacing the experiment's (nil: the experiment's, or every label).
    public var labels: [Genre]?
    /// The synthetic dataset used when `dataRoot` is nil.
    public var synthetic: SyntheticDataset
    /// Where the synthetic dataset and input caches go.
    public var cacheDirectory: URL
    /// The report folder.
    public var outputDirectory: URL
    public var epochs: Int?
    public var batchSize: Int?
    public var learningRate: Float?
    /// Seeds weights, shuffling, dropout and augmentation (splits have their own seed).
    public var seed: UInt64
    /// Threads for kernels and input computation.
    public var threads: Int
    /// At most this many batches per epoch and per evaluation (smoke runs); nil for all.
    public var maxBatches: Int?
    /// Progress bars and per-epoch lines.
    public var showsProgress: Bool
    /// Under `mpirun`: average BatchNorm's running statistics over ranks after every epoch (see
    /// `DataParallel.BatchNormStatistics`) instead of keeping rank 0's.
    public var averagesBatchNormStatistics = false
    /// The protocol asked for; nil chooses `artist` when artist ids are known, else `track` (`RunGrouping`).
    public var evaluationProtocol: EvaluationProtocol?
    /// A `track<TAB>artist` list replacing the artist ids the collection ships.
    public var artistsFile: URL?
    /// A list of known replicas (one group per line) added to those found by content.
    public var replicasFile: URL?

    public init(dataRoot: URL? = nil, synthetic: SyntheticDataset = SyntheticDataset(tracksPerGenre: 50, seconds: 30, seed: 0),
                cacheDirectory: URL = SyntheticDataset.defaultCacheDirectory, outputDirectory: URL,
                epochs: Int? = nil, batchSize: Int? = nil, learningRate: Float? = nil, seed: UInt64 = 0,
                threads: Int = Parallel.threadCount, maxBatches: Int? = nil, showsProgress: Bool = true,
                evaluationProtocol: EvaluationProtocol? = nil, artistsFile: URL? = nil, replicasFile: URL? = nil) {
        self.dataRoot = dataRoot
        self.synthetic = synthetic
        self.cacheDirectory = cacheDirectory
        self.outputDirectory = outputDirectory
        self.epochs = epochs
        self.batchSize = batchSize
        self.learningRate = learningRate
        self.seed = seed
        self.threads = threads
        self.maxBatches = maxBatches
        self.showsProgress = showsProgress
        self.evaluationProtocol = evaluationProtocol
        self.artistsFile = artistsFile
        self.replicasFile = replicasFile
    }

    /// `recipe` with the command line's epochs, batch size and learning rate.
    public func applied(to recipe: Recipe) -> Recipe {
        var recipe = recipe
        recipe.epochs = epochs ?? recipe.epochs
        recipe.batchSize = batchSize ?? recipe.batchSize
        recipe.learningRate = learningRate ?? recipe.learningRate
        return recipe
    }

    /// The most threads a run uses: the machine's cores (more only oversubscribe them, and each one is a
    /// kernel thread: `--threads 100000` would exhaust the process ids).
    public static var maximumThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// These settings with `threads` capped at ``maximumThreads``, and the warning to print when it was cut.
    public func cappingThreads() -> (settings: RunSettings, warning: String?) {
        var capped = self
        let warning: String?
        (capped.threads, warning) = Self.capped(threads: threads)
        return (capped, warning)
    }

    /// `threads` capped at ``maximumThreads``, and the warning to print when it was cut (every command that
    /// takes `--threads` goes through here, so none can start more threads than the machine has cores).
    public static func capped(threads: Int) -> (threads: Int, warning: String?) {
        guard threads > maximumThreads else { return (threads, nil) }
        return (maximumThreads, "warning: \(threads) threads (--threads or GENREKIT_THREADS) capped at the \(maximumThreads) cores of this machine")
    }

    /// Checks the overrides.
    /// - Throws: `ExperimentError.invalidOption` naming the option.
    public func validate() throws {
        if let epochs, epochs <= 0 { throw ExperimentError.invalidOption("--epochs", "\(epochs) must be positive") }
        if let batchSize, batchSize <= 0 { throw ExperimentError.invalidOption("--batch-size", "\(batchSize) must be positive") }
        if let learningRate, !(learningRate > 0 && learningRate.isFinite) {
            throw ExperimentError.invalidOption("--lr", "\(learningRate) must be a positive number")
        }
        guard threads >= 1 else { throw ExperimentError.invalidOption("--threads", "\(threads) must be at least 1") }
        guard synthetic.tracksPerGenre > 0 else {
            throw ExperimentError.invalidOption("--synthetic-tracks", "\(synthetic.tracksPerGenre) must be positive")
        }
        guard SyntheticDataset.secondsRange.contains(synthetic.seconds) else {
            throw ExperimentError.invalidOption("--synthetic-seconds", "\(synthetic.seconds) must be a number of seconds in "
                                                + "\(SyntheticDataset.secondsRange.lowerBound)...\(SyntheticDataset.secondsRange.upperBound)")
        }
        if let maxBatches, maxBatches <= 0 { throw ExperimentError.invalidOption("--max-batches", "\(maxBatches) must be positive") }
        for (option, url) in [("--data", dataRoot), ("--artists", artistsFile), ("--replicas", replicasFile)] {
            if let url, !FileManager.default.fileExists(atPath: url.path) {
                throw ExperimentError.invalidOption(option, "\(url.path) does not exist")
            }
        }
    }
}
