import ArgumentParser

/// `summary`: the Keras-style table of the example's model with exact parameter counts.
public struct SummaryCommand<Example: GenreExample>: ParsableCommand {
    public static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "summary", abstract: "Print the model's layers, output shapes and parameter counts.")
    }

    @OptionGroup public var options: Example.Options
    @Option(name: .customLong("run"), help: "The run of a study whose model to show (default: the first).")
    public var runName: String?

    public init() {}

    public func run() throws {
        let experiment = try selectExperiment(try Example.experiments(options), run: runName)
        print(experiment.makeModel(seed: 0).summary(inputShape: experiment.input.sampleShape, title: Example.name).table)
    }
}
