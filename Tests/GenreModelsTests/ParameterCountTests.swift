import GenreModels
import NN
import XCTest

/// Every published model reproduces the parameter counts its document states (Keras counting: BatchNorm's
/// moving statistics are non-trainable weights), and runs a forward pass of the published input shape.
final class ParameterCountTests: XCTestCase {
    /// Runs `summary()` (one forward pass on `inputShape`) and checks total and trainable counts.
    private func assertCounts(_ model: Module, inputShape: [Int], total: Int, trainable: Int, classes: Int = 10,
                              file: StaticString = #filePath, line: UInt = #line) {
        let summary = model.summary(inputShape: inputShape)
        XCTAssertEqual(summary.totalParameters, total, "total", file: file, line: line)
        XCTAssertEqual(summary.trainableParameters, trainable, "trainable", file: file, line: line)
        XCTAssertEqual(summary.rows.last?.outputShape?.last, classes, "classes", file: file, line: line)
    }

    func testCNNDynamic() {
        assertCounts(CNNDynamic(), inputShape: CNNDynamic.inputShape, total: 2_055_070, trainable: 2_055_070)
    }

    func testImageCNN() {
        assertCounts(ImageCNN(), inputShape: ImageCNN.inputShape, total: 16_871_882, trainable: 16_871_882)
    }

    func testMFCCCNN() {
        // 3 BatchNorm(32): 192 moving statistics.
        assertCounts(MFCCCNN(), inputShape: MFCCCNN.inputShape, total: 45_514, trainable: 45_514 - 192)
    }

    func testResNetMFCC() {
        assertCounts(ResNetMFCC(), inputShape: ResNetMFCC.inputShape, total: 217_226, trainable: 217_226 - 448)
        XCTAssertEqual(ResNetMFCC().regularizedWeights.map(\.shape), [[64, 2176]])
    }

    func testMobileNetTransfer() {
        // Frozen backbone: 2,257,984 weights (BatchNorm statistics included); head 1,280 · 10 + 10.
        assertCounts(MobileNetTransfer(), inputShape: MobileNetTransfer.inputShape, total: 2_257_984 + 12_810,
                     trainable: 12_810)
    }

    func testFeatureMLPs() {
        assertCounts(FeatureMLP(.keras), inputShape: [57], total: 56_650, trainable: 56_650)
        assertCounts(FeatureMLP(.torch), inputShape: [57], total: 31_946, trainable: 31_946)
    }

    func testKernelSweepCNN() {
        // Convolutions 10,768·k² + 240, BatchNorm 4 · 240 (half moving statistics), Linear 1,290.
        for (kernel, total) in [(3, 99_402), (5, 271_690), (7, 530_122)] {
            assertCounts(KernelSweepCNN(kernelSize: kernel), inputShape: [1, 128, 130], total: total, trainable: total - 480)
        }
    }

    func testSECNN() {
        // Convolutions 682,880; SE (r = 16) 13,574; Linear 8,192 → 10 or 128 → 10.
        assertCounts(SECNN(), inputShape: SECNN.inputShape, total: 778_384, trainable: 778_384)
        assertCounts(SECNN(globalPooling: true), inputShape: SECNN.inputShape, total: 697_744, trainable: 697_744)
        // r = 8: SE layers of 2·c·h + h + c with h = c / 8 sum to 26,540.
        assertCounts(SECNN(reduction: 8), inputShape: SECNN.inputShape, total: 791_350, trainable: 791_350)
    }

    func testSegmentCNNArchitectures() {
        // conv1d: 128·128·4+128, 128·128·4+128, 128·256·4+256, BatchNorm 4·(128+128+256), Linear 256·8+8.
        assertCounts(SegmentCNN(.conv1d), inputShape: [1, 128, 130], total: 65_664 + 65_664 + 131_328 + 2_048 + 2_056,
                     trainable: 65_664 + 65_664 + 131_328 + 1_024 + 2_056, classes: 8)
        // conv2d: the kernel-sweep features with kernel 3 and an 8-way Linear.
        assertCounts(SegmentCNN(.conv2d), inputShape: [1, 128, 130], total: 99_402 - 1_290 + 1_032,
                     trainable: 99_402 - 1_290 + 1_032 - 480, classes: 8)
        let resnet = SegmentCNN(.resnet, bins: 20)
        let summary = resnet.summary(inputShape: [1, 20, 130])
        XCTAssertEqual(summary.rows.last?.outputShape, [8])
        XCTAssertEqual(summary.nonTrainableParameters, 2 * (32 + 2 * 32 + 2 * 64 + 2 * 128))
    }
}
