import Foundation
import NN
import Tensor
import TestSupport
import XCTest

/// Weights holding NaN, infinities or negative variances are refused on load unless asked for.
final class StateValueCheckTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws { directory = try Fixtures.temporaryDirectory("state-check") }
    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: directory) }

    private func makeModel() -> Sequential {
        ParameterInitialization.using(.pytorch, seed: 1) { Sequential(Linear(3, 4), BatchNorm1D(4), Linear(4, 2)) }
    }

    func testProblemsNameTheFirstBadElement() {
        XCTAssertNil(StateValueCheck.problem(key: "0.weight", values: [1, -2, 0]))
        XCTAssertEqual(StateValueCheck.problem(key: "0.weight", values: [1, .nan, .infinity]), "NaN at element 1 of 3")
        XCTAssertEqual(StateValueCheck.problem(key: "0.bias", values: [-.infinity]), "-inf at element 0 of 1")
        XCTAssertNil(StateValueCheck.problem(key: "0.bias", values: [-1]), "only variances must be non-negative")
        XCTAssertEqual(StateValueCheck.problem(key: "1.running_var", values: [1, -0.5]), "negative variance -0.5 at element 1 of 2")
        XCTAssertNotNil(StateValueCheck.problem(key: "0.weight.exp_avg_sq", values: [-1]))
        XCTAssertNotNil(StateValueCheck.problem(key: "0.weight.square_avg", values: [-1]))
    }

    func testLoadRefusesNonFiniteWeightsUnlessAllowed() throws {
        let cases: [(key: String, value: Float)] = [("0.weight", .nan), ("2.bias", .infinity), ("1.running_var", -3),
                                                    ("1.running_mean", -.infinity)]
        for (key, value) in cases {
            var state = makeModel().stateDict()
            state[key]!.values[0] = value
            let url = directory.appendingPathComponent("bad.safetensors")
            try SafeTensors(tensors: state).write(to: url)
            let model = makeModel()
            let before = model.stateDict()
            XCTAssertThrowsError(try model.load(from: url), key) { error in
                let text = "\(error)"
                XCTAssertTrue(text.contains(url.path) && text.contains("'\(key)'") && text.contains("allowNonFinite"), text)
            }
            XCTAssertEqual(model.stateDict(), before, "nothing is modified on a refused load")
            XCTAssertThrowsError(try model.loadStateDict(state)) {
                guard case .nonFinite(key, _)? = $0 as? CheckpointError else { return XCTFail("\($0)") }
            }
            try model.load(from: url, allowNonFinite: true)
            let loaded = model.stateDict()[key]!.values[0]
            XCTAssertTrue(loaded == value || (loaded.isNaN && value.isNaN), key)
        }
    }

    func testOptimizerStateWithNaNOrImpossibleStepsIsRefused() throws {
        let model = makeModel()
        let adam = try Adam(parameters: model.namedParameters(), learningRate: 0.1)
        let loss = CrossEntropyLoss()(model(try Tensor([1, 2, 3, 3, 2, 1], shape: [2, 3])), labels: [0, 1])
        loss.backward()
        adam.step()
        var state = adam.stateDict()
        XCTAssertNoThrow(try adam.loadStateDict(state))
        state["0.weight.exp_avg"]!.values[2] = .nan
        XCTAssertThrowsError(try adam.loadStateDict(state)) {
            guard case .nonFinite("0.weight.exp_avg", _)? = $0 as? CheckpointError else { return XCTFail("\($0)") }
        }
        state = adam.stateDict()
        state["0.weight.step"]!.values[0] = 1e30
        XCTAssertThrowsError(try adam.loadStateDict(state)) {
            guard case .nonFinite("0.weight.step", _)? = $0 as? CheckpointError else { return XCTFail("\($0)") }
        }
    }
}
