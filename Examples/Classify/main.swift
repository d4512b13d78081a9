// genrekit-classify: the genres of audio files with the classifier that ships with GenreKit (a feature MLP
// trained on GTZAN's 1,000-row feature table; no training needed), or another GenreClassifier checkpoint.
// `genrekit-classify train-default-model` rebuilds the shipped model (`make default-model`).
import ArgumentParser
import Experiments
import Foundation
import Tensor

struct Classify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "genrekit-classify", abstract: "Print the most likely genres of audio files.",
        subcommands: [ClassifyFiles.self, TrainDefaultModel.self], defaultSubcommand: ClassifyFiles.self)
}

struct ClassifyFiles: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify", abstract: "Classify audio files (any format libsndfile reads, MP3 included, any length).")

    @Argument(help: "Audio files.")
    var files: [String]
    @Option(help: "A GenreClassifier checkpoint (.safetensors); the shipped default model when absent.")
    var checkpoint: String?
    @Option(help: "Labels to print per file.")
    var top = 3
    @Option(help: "Threads for kernels.")
    var threads: Int?

    func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one audio file") }
        guard top > 0 else { throw ValidationError("--top \(top): expected a positive integer") }
        if let threads, threads < 1 { throw ValidationError("--threads \(threads): expected a positive integer") }
    }

    func run() throws {
        let (count, warning) = RunSettings.capped(threads: threads ?? Parallel.threadCount)
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        Parallel.threadCount = count
        let classifier = try checkpoint.map { try GenreClassifier(checkpoint: URL(fileURLWithPath: $0)) } ?? GenreClassifier.bundled()
        print("Model: \(checkpoint ?? "the default model") — labels (\(classifier.labels.count)): "
              + classifier.labels.joined(separator: ", "))
        if let accuracy = classifier.metadata["artist_protocol_accuracy"] {
            print("Accuracy on unseen artists (artist-filtered 3-fold GTZAN): \(accuracy)")
        }
        var failures = 0
        for file in files {
            do {
                print(try classifier.classify(URL(fileURLWithPath: file), k: top).line)
            } catch {
                failures += 1
                print("\(file): cannot classify: \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}

struct TrainDefaultModel: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-default-model",
        abstract: "Measure the feature MLP under the artist protocol, then train it on every row and write it.")

    @Option(help: "Kaggle's features_30_sec.csv.")
    var table = "../shared/gtzan-real/features_30_sec.csv"
    @Option(help: "The artist-filtered 3-fold split (f1_evaluate_groups.txt, ...).")
    var folds = "../shared/gtzan-real/splits/artist-filtered-3fold"
    @Option(help: "Where to write the checkpoint.")
    var out = "Sources/Experiments/Resources/default-genre-mlp.safetensors"
    @Option var seed: UInt64 = 0
    @Option var epochs = 50

    func run() throws {
        let build = DefaultModelBuild(table: URL(fileURLWithPath: table), folds: URL(fileURLWithPath: folds),
                                      seed: seed, epochs: epochs)
        let output = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(at: output.deletingLastPathComponent(), withIntermediateDirectories: true)
        _ = try build.run(writingTo: output)
    }
}

Classify.main()
