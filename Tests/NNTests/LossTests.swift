import Foundation
import NN
import Tensor
import TestSupport
import XCTest

final class LossTests: XCTestCase {
    private struct Reference: Decodable {
        struct Case: Decodable {
            var value: Float
            var grad: [Float]
        }
        var logits: [Float]
        var log_probabilities: [Float]
        var probabilities: [Float]
        var labels: [Int]
        var cases: [String: Case]
    }

    private let reference = try! JSONDecoder().decode(Reference.self, from: Data(contentsOf: Fixtures.url("NN/losses.json")))

    private func assertMatchesPyTorch(_ loss: Loss, input: [Float], _ name: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        var x = try Tensor(input, shape: [4, 5])
        x.requiresGrad = true
        let value = loss(x, labels: reference.labels)
        value.backward()
        let expected = try XCTUnwrap(reference.cases[name])
        assertClose([value.item()], [expected.value], rtol: 1e-5, name, file: file, line: line)
        assertClose(try XCTUnwrap(x.grad).scalars, expected.grad, rtol: 1e-4, atol: 1e-7, name, file: file, line: line)
    }

    func testCrossEntropyMatchesPyTorch() throws {
        try assertMatchesPyTorch(CrossEntropyLoss(), input: reference.logits, "cross_entropy")
        try assertMatchesPyTorch(CrossEntropyLoss(labelSmoothing: 0.1), input: reference.logits, "cross_entropy_smoothing")
    }

    func testNLLAndCategoricalMatchReferences() throws {
        try assertMatchesPyTorch(NLLLoss(), input: reference.log_probabilities, "nll")
        try assertMatchesPyTorch(CategoricalCrossEntropy(), input: reference.probabilities, "categorical")
    }

    func testWeightPenalties() throws {
        let parameter = Parameter(Tensor([1, -2, 3]))
        let l2 = WeightPenalty(.l2, strength: 1e-3, on: [parameter]).value()
        XCTAssertEqual(l2.item(), 14e-3, accuracy: 1e-7)
        l2.backward()
        assertClose(try XCTUnwrap(parameter.grad).scalars, [2e-3, -4e-3, 6e-3], rtol: 1e-5)
        XCTAssertEqual(WeightPenalty(.l1, strength: 0.5, on: [parameter, parameter]).value().item(), 6)
    }
}
