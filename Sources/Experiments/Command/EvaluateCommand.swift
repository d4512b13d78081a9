import ArgumentParser
import Foundation

/// `evaluate --checkpoint`: validation and test accuracy of saved weights.
public struct EvaluateCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "evaluate", abstract: "Evaluate a checkpoint on the validation and test data.")
    }

    @OptionGroup public var common: CommonOptions
    /// `--batch-size` sets the evaluation batches; `--epochs` and `--lr` are accepted so one option list serves
    /// `train` and `evaluate`, and change nothing here.
    @OptionGroup public var recipe: RecipeOptions<Example>
    @OptionGroup public var options: Example.Options
    @Option(help: "Weights to evaluate (.safetensors).")
    public var checkpoint: String
    @Option(name: .customLong("run"), help: "The run of a study whose split and model to use (default: the first).")
    public var runName: String?

    public init() {}

    public func run() throws {
        let runner = try ExperimentRunner(settings: recipe.applied(to: try common.settings(example: Example.name)))
        let experiment = try selectExperiment(try Example.experiments(options), run: runName)
        let (validation, test) = try runner.evaluate(experiment, checkpoint: URL(fileURLWithPath: checkpoint))
        for (name, side) in [("Validation", validation), ("Test", test)] {
            guard let side else { continue }
            print("\(name) accuracy: \(RunReport.percent(side.accuracy))"
                  + (side.fileAccuracy.map { " segment-wise, \(RunReport.percent($0)) file-wise" } ?? "")
                  + ", loss \(String(format: "%.4f", side.samples.loss))")
        }
        print("Test confusion matrix (rows: true genre, columns: predicted):\n" + test.confusion.table)
    }
}
