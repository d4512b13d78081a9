import GenreModels
import NN
import XCTest

/// Models name their weights as the same architecture written in PyTorch would, so exported state dicts
/// load by key.
final class StateDictKeyTests: XCTestCase {
    private func keys(_ model: Module) -> Set<String> { Set(model.stateDict().keys) }

    func testCNNDynamicUsesTheDocumentsSequentialNames() {
        let keys = keys(CNNDynamic())
        XCTAssertTrue(keys.isSuperset(of: ["conv_layers.0.weight", "conv_layers.2.bias", "linear_layers.0.weight",
                                           "linear_layers.2.bias", "linear_layers.4.bias"]), "\(keys.sorted())")
        XCTAssertEqual(keys.count, 2 * 9)
    }

    func testResNetMFCCNamesBlocksShortcutsAndBatchNormBuffers() {
        let keys = keys(ResNetMFCC())
        XCTAssertTrue(keys.isSuperset(of: ["stem.0.weight", "stem.1.running_mean", "stem.1.num_batches_tracked",
                                           "identity_block.conv1.weight", "identity_block.bn2.running_var",
                                           "projection_block.shortcut.weight", "classifier.1.weight", "classifier.4.bias"]),
                      "\(keys.sorted())")
        XCTAssertFalse(keys.contains("identity_block.shortcut.weight"), "the identity block has no projection")
    }

    func testSECNNNamesItsSqueezeExcitationLayers() {
        let keys = keys(SECNN())
        XCTAssertTrue(keys.isSuperset(of: ["blocks.0.0.weight", "blocks.4.4.fc.0.weight", "blocks.4.4.fc.2.bias",
                                           "classifier.1.weight"]), "\(keys.sorted())")
    }

    func testMobileNetTransferKeepsTorchvisionKeysWithANewHead() {
        let keys = keys(MobileNetTransfer())
        XCTAssertTrue(keys.isSuperset(of: ["features.0.0.weight", "features.18.1.running_var", "classifier.1.weight"]),
                      "\(keys.sorted().prefix(8))")
    }

    func testSameSeedSameWeights() {
        let build = { ParameterInitialization.using(ResNetMFCC.initialization, seed: 3) { ResNetMFCC() }.stateDict() }
        XCTAssertEqual(build(), build())
        let other = ParameterInitialization.using(ResNetMFCC.initialization, seed: 4) { ResNetMFCC() }.stateDict()
        XCTAssertNotEqual(build()["stem.0.weight"], other["stem.0.weight"])
    }
}
