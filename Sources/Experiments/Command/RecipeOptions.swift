import ArgumentParser

/// `--epochs`, `--batch-size` and `--lr`: the recipe values a training run may replace. Their help shows the
/// example's defaults and where they come from.
public struct RecipeOptions<Example: GenreExample>: ParsableArguments {
    @Option(parsing: .unconditional, help: RecipeDefaults<Example>().help("Epochs") { "\($0.epochs)" })
    public var epochs: Int?

    @Option(name: .customLong("batch-size"), parsing: .unconditional,
            help: RecipeDefaults<Example>().help("Mini-batch size") { "\($0.batchSize)" })
    public var batchSize: Int?

    @Option(name: .customLong("lr"), parsing: .unconditional,
            help: RecipeDefaults<Example>().help("Initial learning rate") { "\($0.learningRate)" })
    public var learningRate: Float?

    public init() {}

    /// `settings` with these overrides.
    public func applied(to settings: RunSettings) -> RunSettings {
        var settings = settings
        settings.epochs = epochs
        settings.batchSize = batchSize
        settings.learningRate = learningRate
        return settings
    }
}
