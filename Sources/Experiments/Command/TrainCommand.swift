import ArgumentParser

/// `train`: trains every run of the example and writes the report folder.
public struct TrainCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "train", abstract: "Train and write the report folder (the default command).")
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
