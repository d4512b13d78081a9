import ArgumentParser

/// `train`: trains every run of the example and writes the report folder.
public struct TrainCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "train", abstract: "Train and write the report folder (the default command).",
                             discussion: RecipeDefaults<Example>().discussion)
    }

    @OptionGroup public var common: CommonOptions
    @OptionGroup public var recipe: RecipeOptions<Example>
    @OptionGroup public var options: Example.Options
    @Flag(help: "Continue the run a kill interrupted (its partial report folder beside --out) from its last epoch.")
    public var resume = false

    public init() {}

    public func run() throws {
        let runner = try ExperimentRunner(settings: recipe.applied(to: try common.settings(example: Example.name)))
        try runner.job { try runner.train(try Example.experiments(options), name: Example.name, resume: resume) }
    }

    /// The OPTIONS section of `train --help` (without `--help` itself), for the example's own help page.
    static var optionsSection: String {
        let help = helpMessage(columns: 80)
        guard let start = help.range(of: "OPTIONS:\n") else { return "" }
        return help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("  -h, --help") }.joined(separator: "\n")
            .trimmingCharacters(in: .newlines)
    }
}
