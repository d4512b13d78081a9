import NN
import Tensor
import TestSupport
import XCTest

/// The documents' models (issue 7) built from NN layers: `summary()` must reproduce their parameter counts.
final class DocumentedModelTests: XCTestCase {
    private func convReLU(_ inChannels: Int, _ outChannels: Int) -> [Module] {
        [Conv2D(inChannels, outChannels, kernelSize: 3, padding: .same), ReLU()]
    }

    func testSpectrogramImageCNN() {
        let pool = { MaxPool2D(kernelSize: 2) }
        let model = Sequential(convReLU(3, 4) + convReLU(4, 4) + [pool()] + convReLU(4, 8) + [pool()] + convReLU(8, 8)
            + [pool()] + convReLU(8, 16) + [pool()] + convReLU(16, 16) + [pool(), Flatten(),
            Linear(1872, 1024), ReLU(), Linear(1024, 128), ReLU(), Linear(128, 10), Softmax()])
        let summary = model.summary(inputShape: [3, 288, 432], title: "cnn-dynamic")
        XCTAssertEqual(summary.totalParameters, 2_055_070)
        XCTAssertEqual(summary.nonTrainableParameters, 0)
        XCTAssertEqual(summary.rows.first { $0.type == "Flatten" }?.outputShape, [1872])
    }

    func testImageCNN() {
        let model = Sequential([Rescaling(scale: 1.0 / 255)] + convReLU(3, 32) + [MaxPool2D(kernelSize: 2)]
            + convReLU(32, 64) + [MaxPool2D(kernelSize: 2)] + convReLU(64, 128) + [MaxPool2D(kernelSize: 2),
            Flatten(), Linear(131_072, 128), ReLU(), Dropout(0.5), Linear(128, 10)])
        XCTAssertEqual(model.summary(inputShape: [3, 256, 256]).totalParameters, 16_871_882)
    }

    func testMFCCSliceCNN() {
        let pool = { (size: Pair2D, stride: Pair2D) in MaxPool2D(kernelSize: size, stride: stride, padding: .same) }
        let model = Sequential(
            Conv2D(1, 32, kernelSize: 3), ReLU(), pool(3, 2), BatchNorm2D(32, convention: .keras),
            Conv2D(32, 32, kernelSize: 3), ReLU(), pool(3, 2), BatchNorm2D(32, convention: .keras),
            Conv2D(32, 32, kernelSize: 2), ReLU(), pool(2, 2), BatchNorm2D(32, convention: .keras),
            Flatten(), Linear(480, 64), ReLU(), Dropout(0.3), Linear(64, 10), Softmax())
        let summary = model.summary(inputShape: [1, 130, 13])
        XCTAssertEqual(summary.totalParameters, 45_514)
        XCTAssertEqual(summary.nonTrainableParameters, 192)
        XCTAssertTrue(summary.table.contains("Total params: 45,514"))
    }

    func testMFCCResNet() {
        let pool = { MaxPool2D(kernelSize: 2, padding: .same) }
        let model = Sequential(
            Conv2D(1, 32, kernelSize: 3, padding: .same), BatchNorm2D(32, convention: .keras), ReLU(), pool(),
            ResidualBlock(32, 32, batchNorm: .keras), pool(),
            ResidualBlock(32, 64, batchNorm: .keras), pool(),
            Flatten(), Linear(2176, 64), ReLU(), Dropout(0.4), Linear(64, 10))
        let summary = model.summary(inputShape: [1, 130, 13])
        XCTAssertEqual(summary.totalParameters, 217_226)
        XCTAssertEqual(summary.nonTrainableParameters, 448)
    }

    func testMobileNetV2BackboneAndFrozenTransferHead() {
        final class Transfer: Module {
            let backbone = MobileNetV2()
            let head = Sequential(GlobalAveragePool(), Dropout(0.5), Linear(MobileNetV2.outputChannels, 10))
            override init() {
                super.init()
                register(backbone, as: "backbone")
                register(head, as: "head")
                backbone.requiresGrad = false
            }
            override func forward(_ input: Tensor) -> Tensor { head(backbone(input)) }
        }
        let model = Transfer()
        XCTAssertEqual(model.backbone.parameterCount, 2_257_984)
        let summary = model.summary(inputShape: [3, 96, 96])
        XCTAssertEqual(summary.totalParameters, 2_257_984 + 12_810)
        XCTAssertEqual(summary.trainableParameters, 12_810)
        XCTAssertEqual(model.backbone.lastOutputShape, [1, 1280, 3, 3])
        let keys = Set(model.backbone.stateDict().keys)
        for key in ["features.0.0.weight", "features.0.1.running_mean", "features.1.conv.0.0.weight",
                    "features.1.conv.2.weight", "features.2.conv.1.0.weight", "features.17.conv.3.num_batches_tracked",
                    "features.18.0.weight", "features.18.1.bias"] {
            XCTAssertTrue(keys.contains(key), key)
        }
    }

    func testMobileNetV2LoadsATorchvisionStyleStateDictIgnoringTheClassifier() throws {
        let source = ParameterInitialization.using(.pytorch, seed: 1) { MobileNetV2() }
        var state = source.stateDict()
        state["classifier.1.weight"] = StoredTensor(shape: [2, 1280], values: Array(repeating: 0, count: 2560))
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("mobilenet_v2.safetensors")
        try SafeTensors(tensors: state).write(to: url)
        let target = ParameterInitialization.using(.pytorch, seed: 2) { MobileNetV2() }
        try target.loadTorchvisionWeights(from: url)
        XCTAssertEqual(target.stateDict(), source.stateDict())

        state.removeValue(forKey: "features.18.1.running_var")
        try SafeTensors(tensors: state).write(to: url)
        XCTAssertThrowsError(try target.loadTorchvisionWeights(from: url)) { error in
            XCTAssertTrue("\(error)".contains("features.18.1.running_var"), "\(error)")
            XCTAssertTrue("\(error)".contains("mobilenet_v2.safetensors"), "\(error)")
        }
    }
}
