import Experiments
import Foundation
import GenreModels
import NN
import TestSupport
import XCTest

/// Every architecture's state-dict keys, in order, with shapes, against `Tests/Fixtures/Experiments/state_dict_keys.txt`,
/// written before registration by reflection replaced most `register` calls: keys (PyTorch exports, shipped checkpoints)
/// and their order (optimizer state, safetensors files) must not change.
///
/// `GENREKIT_RECORD_STATE_DICT_KEYS=1` rewrites the fixture instead of comparing (only when a key change is intended).
final class StateDictKeyFixtureTests: XCTestCase {
    private static let fixture = Fixtures.url("Experiments/state_dict_keys.txt")

    /// The models the libraries and examples build, by name.
    private static func models() -> [(name: String, build: () -> Module)] {
        var models: [(String, () -> Module)] = [
            ("CNNDynamic", { CNNDynamic() }),
            ("ImageCNN", { ImageCNN() }),
            ("MFCCCNN", { MFCCCNN() }),
            ("MobileNetV2", { MobileNetV2() }),
            ("MobileNetTransfer", { MobileNetTransfer() }),
            ("MobileNetTransfer(frozen: false)", { MobileNetTransfer(frozen: false) }),
            ("ResNetMFCC", { ResNetMFCC() }),
            ("SECNN", { SECNN() }),
            ("SECNN(globalPooling: true)", { SECNN(globalPooling: true) }),
            ("GenreClassifier model", {
                Sequential(FeatureStandardization(nil, features: 57), FeatureMLP(.keras, features: 57, classes: 10))
            }),
        ]
        for kernelSize in [1, 3, 5, 7] {
            models.append(("KernelSweepCNN(kernelSize: \(kernelSize))", { KernelSweepCNN(kernelSize: kernelSize) }))
        }
        for variant in FeatureMLP.Variant.allCases {
            models.append(("FeatureMLP(.\(variant))", { FeatureMLP(variant) }))
        }
        for architecture in SegmentCNN.Architecture.allCases {
            models.append(("SegmentCNN(.\(architecture))", { SegmentCNN(architecture) }))
        }
        return models
    }

    /// One line per parameter (`parameter key shape`) then per buffer, in traversal order, under a `# name` line.
    private static func listing() -> String {
        models().map { name, build in
            let model = build()
            let parameters = model.namedParameters().map { "parameter \($0.name) \($0.parameter.shape)" }
            let buffers = model.namedBuffers().map { "buffer \($0.name) \($0.buffer.shape)" }
            return (["# \(name)"] + parameters + buffers).joined(separator: "\n")
        }.joined(separator: "\n") + "\n"
    }

    func testEveryModelKeepsItsStateDictKeysAndOrder() throws {
        let listing = Self.listing()
        if ProcessInfo.processInfo.environment["GENREKIT_RECORD_STATE_DICT_KEYS"] == "1" {
            try listing.write(to: Self.fixture, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: Self.fixture, encoding: .utf8)
        let actualLines = listing.split(separator: "\n"), expectedLines = expected.split(separator: "\n")
        for (index, (actual, wanted)) in zip(actualLines, expectedLines).enumerated() where actual != wanted {
            return XCTFail("line \(index + 1): '\(actual)', fixture has '\(wanted)'")
        }
        XCTAssertEqual(actualLines.count, expectedLines.count, "number of listed keys")
    }
}
