import ArgumentParser

/// The command line of an example: `train` (the default), `evaluate`, `classify`, `summary`. Its `--help` shows
/// what training takes: `train`'s options with the recipe's defaults, then the rest of the recipe.
///
/// `ExampleCommand<MyExample>.main()` is the whole of an example's entry point.
public struct ExampleCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: Example.name, abstract: Example.abstract,
                             discussion: "Without a subcommand it trains, taking the options of `\(Example.name) train`:\n"
                                 + TrainCommand<Example>.optionsSection + "\n\n" + RecipeDefaults<Example>().discussion,
                             subcommands: [TrainCommand<Example>.self, EvaluateCommand<Example>.self,
                                           ClassifyCommand<Example>.self, SummaryCommand<Example>.self],
                             defaultSubcommand: TrainCommand<Example>.self)
    }

    public init() {}
}

/// Picks the experiment named by `--run` (the first when absent).
func selectExperiment(_ experiments: [Experiment], run: String?) throws -> Experiment {
    guard let run else {
        guard let first = experiments.first else { throw ExperimentError.invalidOption("experiments", "the example defines none") }
        return first
    }
    guard let match = experiments.first(where: { $0.runName == run }) else {
        throw ExperimentError.invalidOption("--run", "no run named '\(run)'; runs: \(experiments.compactMap(\.runName).joined(separator: ", "))")
    }
    return match
}
