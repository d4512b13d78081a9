import ArgumentParser
import Distributed
import Foundation
import GTZAN
import Tensor

extension EvaluationProtocol: ExpressibleByArgument {}
extension FMASubset: ExpressibleByArgument {}

/// The options every example's `train` and `evaluate` share (the recipe's overrides are `RecipeOptions`).
public struct CommonOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The collection: a GTZAN root in any layout (Kaggle, Marsyas, filtered lists), an FMA copy (fma_metadata/tracks.csv "
                               + "under or beside it), a folder per label (<label>/<audio file>), or a .csv/.tsv of path,label[,artist]. "
                               + "Default: a synthetic GTZAN generated once into the cache.", valueName: "path"))
    public var data: String?

    @Option(name: .customLong("fma-subset"), help: "The FMA subset: small, medium (includes small) or large (every track).")
    public var fmaSubset = FMASubset.small

    @Option(help: ArgumentHelp("Only these labels, comma-separated names of the collection's labels (default: all).", valueName: "names"))
    public var labels: String?

    @Option(parsing: .unconditional, help: "Seed of weights, shuffling, dropout and augmentation (splits use their own fixed seed).")
    public var seed: UInt64 = 0

    @Option(parsing: .unconditional, help: "Threads for kernels and input computation (default: all cores, or GENREKIT_THREADS).")
    public var threads: Int?

    @Option(help: "Report folder (default: reports/<example>).")
    public var out: String?

    @Option(name: .customLong("synthetic-tracks"), parsing: .unconditional, help: "Tracks per genre of the synthetic dataset.")
    public var syntheticTracks: Int = 50

    @Option(name: .customLong("synthetic-seconds"), parsing: .unconditional, help: "Length in seconds of the synthetic tracks.")
    public var syntheticSeconds: Double = 30

    @Option(help: "Cache folder for the synthetic dataset and computed inputs (default: $XDG_CACHE_HOME/genrekit or ./.cache).")
    public var cache: String?

    @Option(name: .customLong("max-batches"), parsing: .unconditional, help: "At most this many batches per epoch and evaluation (smoke runs).")
    public var maxBatches: Int?

    @Flag(name: .customLong("no-progress"), help: "No progress bars or per-epoch lines.")
    public var noProgress = false

    @Flag(name: .customLong("sync-batchnorm"),
          help: "Under mpirun: average BatchNorm's running statistics over the ranks after every epoch (default: rank 0's).")
    public var syncBatchNorm = false

    @Option(name: .customLong("protocol"),
            help: "What splits keep on one side: artist, track, segment (leaky), or official (the collection's own split: FMA's set.split). Default: artist when artist ids are known, else track.")
    public var evaluationProtocol: EvaluationProtocol?

    @Option(help: "Artist ids, lines 'track<TAB>artist', tracks named as in split.csv (default: the collection's: GTZAN's *_groups.txt, FMA's artist.id, a table's artist column).")
    public var artists: String?

    @Option(help: "Known replicas, one group per line, tracks named as in split.csv and separated by tabs, commas, = or spaces (added to those found by content).")
    public var replicas: String?

    public init() {}

    /// The run settings these options describe (the recipe unchanged), reporting into `reports/<example>` unless
    /// `--out` is given.
    public func settings(example: String) throws -> RunSettings {
        let url = { (path: String) in URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL }
        var settings = RunSettings(dataRoot: data.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                   synthetic: SyntheticDataset(tracksPerGenre: syntheticTracks, seconds: syntheticSeconds, seed: 0),
                                   cacheDirectory: cache.map(url) ?? SyntheticDataset.defaultCacheDirectory,
                                   outputDirectory: url(out ?? "reports/\(example)"), seed: seed,
                                   threads: threads ?? ProcessGroup.threadsPerLocalRank() ?? Parallel.threadCount,
                                   maxBatches: maxBatches, showsProgress: !noProgress, evaluationProtocol: evaluationProtocol,
                                   artistsFile: artists.map { URL(fileURLWithPath: $0).standardizedFileURL },
                                   replicasFile: replicas.map { URL(fileURLWithPath: $0).standardizedFileURL })
        settings.averagesBatchNormStatistics = syncBatchNorm
        settings.fmaSubset = fmaSubset
        settings.labels = try labels.map { try Genre.subset($0.split(separator: ",")) }
        return settings
    }
}
