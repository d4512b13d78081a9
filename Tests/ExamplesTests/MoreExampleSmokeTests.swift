import Experiments
import Foundation
import GenreModels
import NN
import TestSupport
import XCTest

/// The image, feature-table and exploration examples run end to end on a tiny synthetic dataset (10 tracks
/// per genre of 3 s, one epoch, two batches), and `summary` prints each model's exact parameter counts.
final class MoreExampleSmokeTests: XCTestCase {
    static let cache = try! Fixtures.temporaryDirectory("more-examples-cache")
    static let smoke = ["--synthetic-tracks", "10", "--synthetic-seconds", "3", "--epochs", "1", "--batch-size", "8",
                        "--max-batches", "2", "--no-progress", "--cache", cache.path]

    /// Trains `example` in smoke mode, checks its report folder and returns it with the run's output.
    private func train(_ example: String, _ arguments: [String] = [], protocol expected: String = "track",
                       file: StaticString = #filePath, line: UInt = #line) throws -> (folder: URL, output: String) {
        let out = try Fixtures.temporaryDirectory(example)
        let output = try ExampleProcess(name: example).run(["train"] + Self.smoke + ["--out", out.path] + arguments,
                                                           file: file, line: line)
        XCTAssertTrue(output.contains("SYNTHETIC"), output, file: file, line: line)
        for name in ["configuration.json", "history.csv", "metrics.json", "curves.svg", "confusion.svg",
                     "best.safetensors", "last.safetensors"] {
            XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path),
                          "\(name) missing", file: file, line: line)
        }
        let metrics = try RunMetrics(contentsOf: out.appendingPathComponent("metrics.json"))
        XCTAssertEqual(metrics.evaluationProtocol, expected, file: file, line: line)
        XCTAssertEqual(metrics.perClassRecall.count, 10, file: file, line: line)
        XCTAssertGreaterThan(metrics.trainingSeconds, 0, file: file, line: line)
        return (out, output)
    }

    /// `summary` prints these total and trainable counts.
    private func assertSummary(_ example: String, _ arguments: [String] = [], total: String, trainable: String? = nil,
                               file: StaticString = #filePath, line: UInt = #line) throws {
        let output = try ExampleProcess(name: example).run(["summary"] + arguments, file: file, line: line)
        XCTAssertTrue(output.contains("Total params: \(total)\n"), output, file: file, line: line)
        XCTAssertTrue(output.contains("Trainable params: \(trainable ?? total)\n"), output, file: file, line: line)
    }

    func testCNNDynamicOnImagesRenderedFromAudio() throws {
        let (_, output) = try train("cnn-dynamic")
        XCTAssertTrue(output.contains("0 from images_original, 100 rendered from audio"), output)
        try assertSummary("cnn-dynamic", total: "2,055,070")
    }

    func testImageCNN() throws {
        _ = try train("image-cnn")
        try assertSummary("image-cnn", total: "16,871,882")
    }

    func testMobileNetTransferLoadsTorchvisionKeysAndWarnsWithoutThem() throws {
        let warning = try ExampleProcess(name: "mobilenet-transfer").run(["summary"])
        XCTAssertTrue(warning.contains("RANDOMLY INITIALISED"), warning)
        let weights = try Fixtures.temporaryDirectory("mobilenet").appendingPathComponent("backbone.safetensors")
        let backbone = MobileNetV2()
        try backbone.save(to: weights)  // torchvision's `features.*` keys, as the export script writes them
        let (folder, _) = try train("mobilenet-transfer", ["--weights", weights.path])
        let trained = MobileNetTransfer()
        try trained.load(from: folder.appendingPathComponent("last.safetensors"))
        let frozen = { (model: Module) in model.namedParameters().filter { $0.name.hasPrefix("features.") }.map(\.parameter.value.scalars) }
        let loaded = MobileNetTransfer()
        try loaded.loadBackboneWeights(from: weights)
        XCTAssertEqual(frozen(trained), frozen(loaded), "the frozen backbone keeps the loaded weights")
        XCTAssertEqual(frozen(loaded), backbone.namedParameters().map(\.parameter.value.scalars))
        let (status, bad) = try ExampleProcess(name: "mobilenet-transfer").outcome(["summary", "--weights", "/nonexistent.safetensors"])
        XCTAssertNotEqual(status, 0)
        XCTAssertTrue(bad.contains("/nonexistent.safetensors"), bad)
        try assertSummary("mobilenet-transfer", total: "2,270,794", trainable: "12,810")
    }

    func testMLPFeaturesOnComputedFeatureTables() throws {
        let (keras, _) = try train("mlp-features")
        let track = Self.cache.appendingPathComponent("synthetic-gtzan-t10-s3-seed0/genres/jazz/jazz.00000.wav").path
        let classification = try ExampleProcess(name: "mlp-features")
            .run(["classify", track, "--checkpoint", keras.appendingPathComponent("best.safetensors").path])
        XCTAssertEqual(classification.components(separatedBy: " %").count - 1, 3, "top-3 genres: \(classification)")
        _ = try train("mlp-features", ["--variant", "torch", "--table", "3", "--protocol", "segment"], protocol: "segment")
        try assertSummary("mlp-features", total: "56,650")
        try assertSummary("mlp-features", ["--variant", "torch"], total: "31,946")
        let (status, output) = try ExampleProcess(name: "mlp-features")
            .outcome(["train"] + Self.smoke + ["--out", keras.path, "--protocol", "segment"])
        XCTAssertNotEqual(status, 0, "the 30 s table has one row per track: no segments to split")
        XCTAssertTrue(output.contains("--protocol: segment needs --table 3"), output)
    }

    func testGTZANExploreWritesEveryFigure() throws {
        let mfcc = try Fixtures.temporaryDirectory("mfcc-cnn")
        try ExampleProcess(name: "mfcc-cnn").run(["train"] + Self.smoke + ["--out", mfcc.path])
        let out = try Fixtures.temporaryDirectory("explore")
        try ExampleProcess(name: "gtzan-explore").run(["--synthetic-tracks", "10", "--synthetic-seconds", "3",
                                                       "--cache", Self.cache.path, "--out", out.path,
                                                       "--checkpoint", mfcc.appendingPathComponent("best.safetensors").path])
        for name in ["class-balance", "feature-correlation", "feature-distributions", "waveforms", "mel-spectrograms",
                     "pca-features", "pca-embeddings"] {
            let svg = try String(contentsOf: out.appendingPathComponent("\(name).svg"), encoding: .utf8)
            XCTAssertTrue(svg.hasPrefix("<svg") && svg.hasSuffix("</svg>\n"), name)
        }
        let numbers = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("exploration.json")))
        let ratios = try XCTUnwrap((numbers as? [String: Any])?["pca_features_explained_variance_ratio"] as? [Double])
        XCTAssertEqual(ratios.count, 2)
        XCTAssertTrue(ratios[0] >= ratios[1] && ratios.reduce(0, +) <= 1, "\(ratios)")
    }
}
