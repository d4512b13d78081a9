import Foundation
import NN
import Tensor
import TestSupport
import XCTest

/// A two-level model with PyTorch-style names: `body.0.weight`, `head.bias`, ….
// @unchecked: Module's rule for shared models (forward writes nothing).
final class TwoLayerNet: Module, @unchecked Sendable {
    let body = Sequential(Linear(4, 3), Linear(3, 3))
    let head = Linear(3, 2)

    override init() {
        super.init()
        register(body, as: "body")
        register(head, as: "head")
    }

    override func forward(_ input: Tensor) -> Tensor { head(body(input)) }
}

final class ModuleTests: XCTestCase {
    func testStateDictKeysFollowPyTorchNaming() {
        let model = TwoLayerNet()
        XCTAssertEqual(model.namedParameters().map(\.name),
                       ["body.0.weight", "body.0.bias", "body.1.weight", "body.1.bias", "head.weight", "head.bias"])
        XCTAssertEqual(model.stateDict()["body.0.weight"]?.shape, [3, 4])
        XCTAssertEqual(model.parameterCount, 15 + 12 + 8)
    }

    func testLoadStateDictChecksKeysAndShapesWithoutPartialWrites() throws {
        let source = TwoLayerNet(), target = TwoLayerNet()
        try target.loadStateDict(source.stateDict())
        XCTAssertEqual(target.stateDict(), source.stateDict())

        var state = source.stateDict()
        state["head.extra"] = StoredTensor(shape: [1], values: [0])
        XCTAssertThrowsError(try target.loadStateDict(state)) {
            XCTAssertEqual($0 as? CheckpointError, .unexpectedKey("head.extra"))
        }
        state = source.stateDict()
        state["head.weight"] = StoredTensor(shape: [3, 2], values: Array(repeating: 0, count: 6))
        let before = target.stateDict()
        XCTAssertThrowsError(try target.loadStateDict(state)) {
            XCTAssertEqual($0 as? CheckpointError, .shapeMismatch(key: "head.weight", expected: [2, 3], found: [3, 2]))
        }
        XCTAssertEqual(target.stateDict(), before, "a failed load leaves the module unchanged")
        state.removeValue(forKey: "head.weight")
        XCTAssertThrowsError(try target.loadStateDict(state)) {
            XCTAssertEqual($0 as? CheckpointError, .missingKey("head.weight"))
        }
        XCTAssertNoThrow(try target.loadStateDict(state, strict: false))
    }

    func testSaveAndLoadThroughSafeTensors() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("model.safetensors")
        let source = TwoLayerNet(), target = TwoLayerNet()
        try source.save(to: url, metadata: ["epoch": "1"])
        try target.load(from: url)
        let input = Tensor.uniform([2, 4], low: -1, high: 1, using: &generator)
        XCTAssertEqual(target(input).scalars, source(input).scalars)
    }

    func testFreezingASubModuleStopsItsGradients() throws {
        let model = TwoLayerNet()
        model.body.requiresGrad = false
        XCTAssertEqual(model.trainableParameterCount, 8)
        XCTAssertFalse(model.requiresGrad)
        XCTAssertTrue(model.head.requiresGrad)
        XCTAssertEqual(model.parameterCount, 35)
        let input = Tensor.uniform([2, 4], using: &generator)
        model(input).sum().backward()
        XCTAssertNil(model.body.parameters[0].grad)
        XCTAssertNotNil(model.head.weight.grad)
    }

    func testTrainAndEvalPropagate() {
        let model = TwoLayerNet()
        model.eval()
        XCTAssertFalse(model.body.layers[1].isTraining)
        model.train()
        XCTAssertTrue(model.head.isTraining)
    }

    func testInitializationIsSeededAndSelectable() {
        let a = ParameterInitialization.using(.pytorch, seed: 7) { Linear(100, 50) }
        let b = ParameterInitialization.using(.pytorch, seed: 7) { Linear(100, 50) }
        XCTAssertEqual(a.weight.value.scalars, b.weight.value.scalars)
        XCTAssertLessThanOrEqual(a.weight.value.abs().max().item(), 0.1)
        XCTAssertGreaterThan(a.weight.value.abs().max().item(), 0.09)
        let keras = ParameterInitialization.using(.keras, seed: 7) { Linear(100, 50) }
        XCTAssertEqual(keras.bias?.value.scalars, Array(repeating: 0, count: 50))
        let limit = (6.0 / 150.0).squareRoot()
        XCTAssertLessThanOrEqual(Double(keras.weight.value.abs().max().item()), limit)
        XCTAssertGreaterThan(Double(keras.weight.value.abs().max().item()), 0.9 * limit)
    }

    func testSummaryCountsAndShapes() {
        let summary = TwoLayerNet().summary(inputShape: [4], title: "two-layer")
        XCTAssertEqual(summary.rows.map(\.name), ["body.0", "body.1", "head"])
        XCTAssertEqual(summary.rows.map(\.outputShape), [[3], [3], [2]])
        XCTAssertEqual(summary.totalParameters, 35)
        XCTAssertTrue(summary.table.contains("Total params: 35"))
    }

    private var generator = RandomGenerator(seed: 3)
}
