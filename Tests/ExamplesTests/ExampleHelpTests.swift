import ArgumentParser
import Experiments
import GenreModels
import XCTest

/// `--help` shows the training options with their real defaults and the published model they come from, each
/// default once, and never speaks of an undefined "document".
final class ExampleHelpTests: XCTestCase {
    static let trainingExamples = ["resnet-mfcc", "mfcc-cnn", "cnn-dynamic", "image-cnn", "mlp-features",
                                   "mobilenet-transfer", "kernel-sweep", "se-cnn", "segment-cnn", "genrekit-demo"]

    /// Option blocks of a help text: each starts at a line `  -x`/`  --name` and runs until the next.
    private func optionBlocks(_ help: String) -> [String] {
        var blocks: [String] = []
        for line in help.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("  -") { blocks.append(String(line)) } else if !blocks.isEmpty, line.hasPrefix("    ") {
                blocks[blocks.count - 1] += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return blocks
    }

    private func assertHelpful(_ help: String, _ call: String, file: StaticString = #filePath, line: UInt = #line) {
        let blocks = optionBlocks(help)
        for option in ["--epochs", "--batch-size", "--lr"] {
            guard let block = blocks.first(where: { $0.hasPrefix("  \(option) ") }) else {
                XCTFail("\(call) lists no \(option):\n\(help)", file: file, line: line)
                continue
            }
            XCTAssertTrue(block.range(of: #"\(default: [0-9.e-]+, as in [^)]+\)"#, options: .regularExpression) != nil
                          || block.contains("by run, listed below"), "\(call): \(block)", file: file, line: line)
        }
        for block in blocks {
            XCTAssertLessThanOrEqual(block.components(separatedBy: "(default").count - 1, 1,
                                     "\(call) prints a default twice: \(block)", file: file, line: line)
        }
        for word in ["the document", "document's", "homework"] {
            XCTAssertFalse(help.lowercased().contains(word), "\(call) speaks of '\(word)':\n\(help)", file: file, line: line)
        }
    }

    func testEveryTrainingExampleShowsItsRecipeDefaultsAndTheirSource() throws {
        for example in Self.trainingExamples {
            let root = try ExampleProcess(name: example).run(["--help"])
            assertHelpful(root, "\(example) --help")
            guard example != "genrekit-demo" else { continue }
            XCTAssertTrue(root.contains("SUBCOMMANDS:") && root.contains("The rest of the recipe, as in "), root)
            assertHelpful(try ExampleProcess(name: example).run(["train", "--help"]), "\(example) train --help")
        }
    }

    func testResNetMFCCHelpNamesTheKerasNotebook() throws {
        let help = try ExampleProcess(name: "resnet-mfcc").run(["--help"])
        let flattened = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(flattened.contains("(default: 60, as in the Keras MFCC-ResNet notebook)"), help)
        XCTAssertTrue(flattened.contains("constant for 10 epochs, then × 0.95 per epoch"), help)
    }

    /// Runs that differ in a value list it per run instead of claiming one default.
    func testRunsWithDifferentValuesAreListedPerRun() {
        let help = ExampleCommand<TwoRecipeExample>.helpMessage(columns: 400)
        let epochs = optionBlocks(help).first { $0.hasPrefix("  --epochs ") } ?? ""
        XCTAssertTrue(epochs.contains("(default: 5 or 7 by run, listed below)"), help)
        XCTAssertTrue(help.contains("  fast: epochs 5, batch size 8, learning rate 0.01, optimizer SGD("), help)
        XCTAssertTrue(help.contains("as in the test notebook and GenreKit's own recipe"), help)
        let batch = optionBlocks(help).first { $0.hasPrefix("  --batch-size ") } ?? ""
        XCTAssertTrue(batch.contains("(default: 8, as in the test notebook and GenreKit's own recipe)"), batch)
    }
}

/// Two runs of one tiny model with different epochs and learning rates.
private enum TwoRecipeExample: GenreExample {
    static let name = "two-recipes"
    static let abstract = "A test example."

    static func experiments(_ options: NoOptions) throws -> [Experiment] {
        [("fast", Recipe(epochs: 5, batchSize: 8, learningRate: 1e-2, optimizer: .sgd(), source: "the test notebook")),
         ("slow", Recipe(epochs: 7, batchSize: 8, learningRate: 1e-3))].map { name, recipe in
            Experiment(input: FeatureTableInput(table: .thirtySeconds), split: .ratio(train: 0.8, validation: 0, test: 0.2),
                       model: { FeatureMLP(.keras, features: 57, classes: $0) }, initialization: .pytorch,
                       recipe: recipe, runName: name)
        }
    }
}
