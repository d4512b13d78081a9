// gtzan-explore: the exploratory figures of the GTZAN notebooks as SVG — class balance, feature correlation heatmap,
// per-genre distributions of spectral centroid, tempo, zero-crossing rate and RMS, waveform and mel
// spectrogram per genre, 2-D PCA of the 57 standardised features and (with --checkpoint, weights of
// `mfcc-cnn`) of the CNN's pooled embeddings, with explained variance. See Experiments.DatasetExploration.
import ArgumentParser
import Experiments
import Foundation
import GenreModels
import GTZAN
import NN

struct GTZANExplore: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "gtzan-explore",
                                                    abstract: "Exploratory SVG figures of a GTZAN dataset.")

    @Option(help: ArgumentHelp("The collection: a GTZAN root in any layout, an FMA copy, a folder per label or a .csv/.tsv of "
                               + "path,label[,artist]. Default: the synthetic GTZAN from the cache.", valueName: "path"))
    var data: String?
    @Option(name: .customLong("fma-subset"), help: "The FMA subset: small, medium (includes small) or large.")
    var fmaSubset = FMASubset.small
    @Option(help: "Folder of the figures.")
    var out = "reports/gtzan-explore"
    @Option(help: "Weights of `mfcc-cnn` (best.safetensors) whose pooled embeddings to project.")
    var checkpoint: String?
    @Option(help: "Cache folder for the synthetic dataset and computed features.")
    var cache: String?
    @Option(parsing: .unconditional, help: "Threads computing features.")
    var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(name: .customLong("synthetic-tracks"), parsing: .unconditional, help: "Tracks per genre of the synthetic dataset.")
    var syntheticTracks = 30
    @Option(name: .customLong("synthetic-seconds"), parsing: .unconditional, help: "Length in seconds of the synthetic tracks.")
    var syntheticSeconds = 30.0

    func run() throws {
        let url = { (path: String) in URL(fileURLWithPath: path, isDirectory: true).standardizedFileURL }
        var settings = RunSettings(dataRoot: data.map { URL(fileURLWithPath: $0).standardizedFileURL }, synthetic: SyntheticDataset(tracksPerGenre: syntheticTracks, seconds: syntheticSeconds, seed: 0),
                                   cacheDirectory: cache.map(url) ?? SyntheticDataset.defaultCacheDirectory,
                                   outputDirectory: url(out), threads: threads)
        settings.fmaSubset = fmaSubset
        try settings.validate()
        let (capped, warning) = settings.cappingThreads()
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        let threads = capped.threads
        let location = try DatasetLocation(settings: settings, genres: nil)
        print(location.description)
        let embeddings = try checkpoint.map { path in
            let url = URL(fileURLWithPath: path)
            let classes = CheckpointLabels.names(in: url)?.count ?? Genre.gtzan.count  // checkpoints before labels: GTZAN's ten
            let model = ParameterInitialization.using(MFCCCNN.initialization, seed: 0) { MFCCCNN(classes: classes) }
            try model.load(from: url)
            return try EmbeddingModel(name: "mfcc-cnn", model: model,
                                      input: SegmentInput(segmentation: .threeSeconds, representation: .mfcc(count: 13)))
        }
        let exploration = try DatasetExploration(dataset: location.dataset, cacheDirectory: settings.cacheDirectory, threads: threads)
        let files = try exploration.write(to: settings.outputDirectory, embeddings: embeddings)
        print("Wrote \(files.joined(separator: ", ")) to \(settings.outputDirectory.path)")
    }
}

GTZANExplore.main()
