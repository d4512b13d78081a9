import Foundation
import NN
import Tensor
import TestSupport
import XCTest

final class OptimizerTests: XCTestCase {
    private struct Reference: Decodable {
        var shape: [Int]
        var start: [Float]
        var gradients: [[Float]]
        var steps: [String: [[Float]]]
    }

    private let reference = try! JSONDecoder().decode(
        Reference.self, from: Data(contentsOf: Fixtures.url("NN/optimizers.json")))

    /// Runs three steps with the reference gradients and compares each step with PyTorch's parameters.
    private func assertMatchesPyTorch(_ name: String, file: StaticString = #filePath, line: UInt = #line,
                                      _ make: ([(name: String, parameter: Parameter)]) throws -> Optimizer) throws {
        let parameter = Parameter(try Tensor(reference.start, shape: reference.shape))
        let optimizer = try make([("w", parameter)])
        for (step, gradient) in reference.gradients.enumerated() {
            parameter.value.grad = try Tensor(gradient, shape: reference.shape)
            optimizer.step()
            let expected = try XCTUnwrap(reference.steps[name])[step]
            XCTAssertLessThanOrEqual(maxAbsDifference(parameter.value.scalars, expected), 1e-6,
                                     "\(name) step \(step + 1)", file: file, line: line)
        }
    }

    func testSGDVariantsMatchPyTorch() throws {
        try assertMatchesPyTorch("sgd") { try SGD(parameters: $0, learningRate: 0.1) }
        try assertMatchesPyTorch("sgd_momentum_wd") {
            try SGD(parameters: $0, learningRate: 0.1, momentum: 0.9, dampening: 0.1, weightDecay: 0.01)
        }
        try assertMatchesPyTorch("sgd_nesterov") {
            try SGD(parameters: $0, learningRate: 0.05, momentum: 0.9, nesterov: true, weightDecay: 1e-3)
        }
    }

    func testAdamVariantsMatchPyTorch() throws {
        try assertMatchesPyTorch("adam") { try Adam(parameters: $0, learningRate: 1e-3) }
        try assertMatchesPyTorch("adam_wd") {
            try Adam(parameters: $0, learningRate: 1e-2, beta1: 0.8, beta2: 0.99, epsilon: 1e-7, weightDecay: 1e-4)
        }
        try assertMatchesPyTorch("adamw") { try AdamW(parameters: $0, learningRate: 1e-2, weightDecay: 0.05) }
    }

    func testRMSPropMatchesPyTorch() throws {
        try assertMatchesPyTorch("rmsprop") { try RMSProp(parameters: $0, learningRate: 1e-2) }
        try assertMatchesPyTorch("rmsprop_momentum_wd") {
            try RMSProp(parameters: $0, learningRate: 1e-3, alpha: 0.9, epsilon: 1e-6, momentum: 0.5, weightDecay: 1e-3)
        }
    }

    func testKerasRMSPropPutsEpsilonInsideTheRoot() throws {
        let parameter = Parameter(Tensor([1]))
        let optimizer = try RMSProp.keras(parameters: [("w", parameter)], learningRate: 0.1)
        parameter.value.grad = Tensor([0.5])
        optimizer.step()
        let square: Float = 0.1 * 0.25
        XCTAssertEqual(parameter.value.scalars[0], 1 - 0.1 * 0.5 / (square + 1e-7).squareRoot(), accuracy: 1e-7)
    }

    func testStateRoundTripContinuesIdentically() throws {
        func run(splitAfter: Int?) throws -> [Float] {
            var parameter = Parameter(try Tensor(reference.start, shape: reference.shape))
            var optimizer = try Adam(parameters: [("w", parameter)], learningRate: 1e-2)
            for (step, gradient) in reference.gradients.enumerated() {
                if step == splitAfter {
                    let (weights, state) = (parameter.value.scalars, optimizer.stateDict())
                    parameter = Parameter(try Tensor(weights, shape: reference.shape))
                    optimizer = try Adam(parameters: [("w", parameter)], learningRate: 0.5)
                    try optimizer.loadStateDict(state)
                }
                parameter.value.grad = try Tensor(gradient, shape: reference.shape)
                optimizer.step()
            }
            return parameter.value.scalars
        }
        XCTAssertEqual(try run(splitAfter: 2), try run(splitAfter: nil))
    }

    func testFrozenParametersAreSkipped() throws {
        let parameter = Parameter(Tensor([1, 2]), requiresGrad: false)
        let optimizer = try SGD(parameters: [("w", parameter)], learningRate: 1)
        optimizer.step()
        XCTAssertEqual(parameter.value.scalars, [1, 2])
        XCTAssertThrowsError(try SGD(parameters: [], learningRate: 0.1, nesterov: true))
    }
}
