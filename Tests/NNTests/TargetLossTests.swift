import Foundation
import NN
import Tensor
import TestSupport
import XCTest

/// MSELoss and BCEWithLogitsLoss against PyTorch 2.11 (Tests/Fixtures/NN/float_losses.json, made by
/// `scripts/fixtures/nn.py float_losses`) and against numeric gradients.
final class TargetLossTests: XCTestCase {
    private struct Reference: Decodable {
        struct Case: Decodable {
            var value: [Float]
            var grad: [Float]
        }
        var output: [Float]
        var targets: [Float]
        var labels: [Float]
        var pos_weight: [Float]
        var cases: [String: Case]
    }

    private let reference = try! JSONDecoder().decode(Reference.self,
                                                      from: Data(contentsOf: Fixtures.url("NN/float_losses.json")))

    private func assertMatchesPyTorch(_ loss: TargetLoss, targets: [Float], _ name: String,
                                      file: StaticString = #filePath, line: UInt = #line) throws {
        var x = try Tensor(reference.output, shape: [4, 3])
        x.requiresGrad = true
        let value = loss(x, targets: try Tensor(targets, shape: [4, 3]))
        value.sum().backward()
        let expected = try XCTUnwrap(reference.cases[name], name)
        assertClose(value.scalars, expected.value, rtol: 1e-5, atol: 1e-6, name, file: file, line: line)
        assertClose(try XCTUnwrap(x.grad).scalars, expected.grad, rtol: 1e-4, atol: 1e-7, name, file: file, line: line)
    }

    func testMSEMatchesPyTorchForEveryReduction() throws {
        for reduction in LossReduction.allCases {
            try assertMatchesPyTorch(MSELoss(reduction: reduction), targets: reference.targets, "mse_\(reduction.rawValue)")
        }
    }

    func testBCEWithLogitsMatchesPyTorch() throws {
        for reduction in LossReduction.allCases {
            try assertMatchesPyTorch(BCEWithLogitsLoss(reduction: reduction), targets: reference.labels,
                                     "bce_\(reduction.rawValue)")
        }
        try assertMatchesPyTorch(BCEWithLogitsLoss(posWeight: reference.pos_weight), targets: reference.labels,
                                 "bce_pos_weight")
        try assertMatchesPyTorch(BCEWithLogitsLoss(), targets: reference.targets, "bce_soft_targets")
    }

    func testBCEWithLogitsIsFiniteForLargeLogits() throws {
        let value = BCEWithLogitsLoss()(try Tensor([200, -200], shape: [1, 2]), targets: try Tensor([0, 1], shape: [1, 2]))
        XCTAssertEqual(value.item(), 200, accuracy: 1e-3, "log σ(−200) must not overflow")
    }

    func testGradientsMatchNumericGradients() throws {
        let targets = try Tensor(reference.labels, shape: [4, 3])
        let soft = try Tensor(reference.targets, shape: [4, 3])
        let x = try Tensor(reference.output.map { $0 / 3 }, shape: [4, 3])
        let losses: [(String, TargetLoss, Tensor)] = [
            ("mse", MSELoss(), soft), ("bce", BCEWithLogitsLoss(), targets),
            ("bce pos_weight", BCEWithLogitsLoss(posWeight: reference.pos_weight, reduction: .sum), targets),
        ]
        for (name, loss, target) in losses {
            let report = GradientCheck().check([x]) { loss($0[0], targets: target) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }
}
