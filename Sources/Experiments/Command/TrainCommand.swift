import ArgumentParser

/// `train`: trains every run of the example and writes the report folder.
public struct TrainCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "train", abstract: "Train and write the report folder (the default command).",
                             discussion: recipeDefaults)
    }

    /// The recipe of each run with the default options: the values `--epochs`, `--batch-size` and `--lr` replace.
    static var recipeDefaults: String {
        guard let options = try? Example.Options.parse([]), let experiments = try? Example.experiments(options),
              !experiments.isEmpty else { return "" }
        let lines = experiments.map { experiment in
            let recipe = experiment.recipe
            let run = experiment.runName.map { "\($0): " } ?? ""
            return run + "epochs \(recipe.epochs), batch size \(recipe.batchSize), learning rate \(recipe.learningRate), "
                + "\(recipe.optimizer)"
        }
        let shown = lines.count > 6 ? Array(lines.prefix(6)) + ["… (\(lines.count) runs)"] : lines
        return "Defaults of this example's recipe (the published model's):\n" + shown.joined(separator: "\n")
    }

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var options: Example.Options
    @Flag(help: "Continue the run a kill interrupted (its partial report folder beside --out) from its last epoch.")
    public var resume = false

    public init() {}

    public func run() throws {
        let runner = try ExperimentRunner(settings: try common.settings(example: Example.name))
        try runner.job { try runner.train(try Example.experiments(options), name: Example.name, resume: resume) }
    }
}
