import ArgumentParser

/// The recipes of an example's runs under its default options, as its `--help` shows them: each value once,
/// with the published model it comes from ("60, as in the Keras MFCC-ResNet notebook").
struct RecipeDefaults<Example: GenreExample> {
    /// Each run's name (nil for a single run), group (several runs reported together) and recipe.
    let runs: [(name: String?, group: String?, recipe: Recipe)]

    /// The runs of `Example` with its own options at their defaults (empty when they cannot be built).
    init() {
        let experiments = (try? Example.Options.parse([])).flatMap { try? Example.experiments($0) } ?? []
        runs = experiments.map { ($0.runName, $0.group, $0.recipe) }
    }

    /// Where the recipes come from: their sources, or GenreKit when a recipe names none.
    var source: String {
        let sources = unique(runs.map { $0.recipe.source ?? "GenreKit's own recipe" })
        return sources.isEmpty ? "the example's recipe" : sources.joined(separator: " and ")
    }

    /// The help of an option replacing `value`: its default and source, or a pointer to the per-run list.
    func help(_ abstract: String, _ value: (Recipe) -> String) -> ArgumentHelp {
        let values = unique(runs.map { value($0.recipe) })
        switch values.count {
        case 0: return ArgumentHelp("\(abstract).")
        case 1: return ArgumentHelp("\(abstract) (default: \(values[0]), as in \(source)).")
        default: return ArgumentHelp("\(abstract) (default: \(values.joined(separator: " or ")) by run, listed below).")
        }
    }

    /// The rest of each recipe (optimizer, schedule, early stopping; epochs, batch size and learning rate too
    /// when runs differ in them), one line per distinct recipe naming the runs that use it.
    var discussion: String {
        guard !runs.isEmpty else { return "" }
        let varies = { (value: (Recipe) -> String) in Set(runs.map { value($0.recipe) }).count > 1 }
        let showsNumbers = varies { "\($0.epochs)" } || varies { "\($0.batchSize)" } || varies { "\($0.learningRate)" }
        let described = runs.map { (run: $0, text: Self.describe($0.recipe, withNumbers: showsNumbers)) }
        let lines = unique(described.map(\.text)).map { text -> String in
            let users = described.filter { $0.text == text }.map(\.run)
            guard users.count < runs.count else { return "  " + text }
            let groups = unique(users.compactMap(\.group))
            let label = users.count > 1 && groups.count == 1 && users.allSatisfy({ $0.group != nil })
                ? "\(groups[0]) (\(users.count) runs)" : users.compactMap(\.name).joined(separator: ", ")
            return "  \(label): \(text)"
        }
        return "The rest of the recipe, as in \(source) (with this example's own options at their defaults):\n"
            + lines.joined(separator: "\n")
    }

    /// One recipe in words.
    private static func describe(_ recipe: Recipe, withNumbers: Bool) -> String {
        var parts = withNumbers
            ? ["epochs \(recipe.epochs)", "batch size \(recipe.batchSize)", "learning rate \(recipe.learningRate)"] : []
        parts.append("optimizer \(recipe.optimizer)")
        parts.append("learning rate \(recipe.schedule.map { String(describing: $0) } ?? "constant")")
        if let stopping = recipe.earlyStopping { parts.append("\(stopping)") }
        if let micro = recipe.microBatchSize { parts.append("micro-batches of \(micro)") }
        return parts.joined(separator: ", ")
    }

    private func unique(_ values: [String]) -> [String] {
        var seen = Set<String>()
        return values.filter { seen.insert($0).inserted }
    }
}
