import ArgumentParser
import Foundation
import Tensor

/// `classify <files…> --checkpoint`: the top-3 genres of each audio file, averaged over its segments.
public struct ClassifyCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "classify", abstract: "Print the top-3 genres of audio files with their probabilities.")
    }

    @Argument(help: "Audio files (any format libsndfile reads).")
    public var files: [String]
    @Option(help: "Trained weights (.safetensors).")
    public var checkpoint: String
    @Option(name: .customLong("run"), help: "The run of a study whose model to use (default: the first).")
    public var runName: String?
    @Option(parsing: .unconditional, help: "Threads for kernels.")
    public var threads: Int?
    @OptionGroup public var options: Example.Options

    public init() {}

    public func validate() throws {
        guard !files.isEmpty else { throw ValidationError("give at least one audio file") }
    }

    public func run() throws {
        let runner = try ExperimentRunner(settings: RunSettings(outputDirectory: URL(fileURLWithPath: "."),
                                                                threads: threads ?? Parallel.threadCount))
        let experiment = try selectExperiment(try Example.experiments(options), run: runName)
        let (names, note) = ExperimentRunner.labels(of: URL(fileURLWithPath: checkpoint), experiment: experiment)
        print("Labels (\(names.count), from the checkpoint): \(names.joined(separator: ", "))")
        if let note { print(note) }
        let model = try runner.loadModel(experiment, checkpoint: URL(fileURLWithPath: checkpoint), classNames: names)
        var failures = 0
        for file in files {
            if let warning = ShortInputWarning.message(for: URL(fileURLWithPath: file), input: experiment.input) {
                FileHandle.standardError.write(Data((warning + "\n").utf8))
            }
            do {
                print(try runner.classify(URL(fileURLWithPath: file), with: model, experiment: experiment, classNames: names).line)
            } catch {
                failures += 1
                print("\(file): cannot classify: \(error)")
            }
        }
        if failures > 0 { throw ExitCode.failure }
    }
}
