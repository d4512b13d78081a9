import XCTest
import Tensor
import TestSupport

/// Forward values and gradients against PyTorch 2.11.0 (scripts/fixtures/tensor_core.py).
final class TorchParityTests: XCTestCase {
    func testElementwiseBroadcasting() throws {
        try assertMatchesTorch("add_broadcast") { $0[0] + $0[1] }
        try assertMatchesTorch("sub_broadcast") { $0[0] - $0[1] }
        try assertMatchesTorch("mul_broadcast") { $0[0] * $0[1] }
        try assertMatchesTorch("div_broadcast") { $0[0] / $0[1] }
        try assertMatchesTorch("pow_tensor") { $0[0].pow($0[1]) }
    }

    func testUnaryAndScalarOps() throws {
        try assertMatchesTorch("pow_scalar") { $0[0].pow(2.5) }
        try assertMatchesTorch("square") { $0[0].pow(2) }
        try assertMatchesTorch("neg") { -$0[0] }
        try assertMatchesTorch("scalar_ops") { (2 - $0[0]) * 3 / 4 + 1.5 }
        try assertMatchesTorch("exp") { $0[0].exp() }
        try assertMatchesTorch("log") { $0[0].log() }
        try assertMatchesTorch("sqrt") { $0[0].sqrt() }
        try assertMatchesTorch("abs") { $0[0].abs() }
        try assertMatchesTorch("clamp") { $0[0].clamped(min: -0.9, max: 0.7) }
    }

    func testReductions() throws {
        try assertMatchesTorch("sum_axes") { $0[0].sum(axes: [0, 2]) }
        try assertMatchesTorch("sum_keepdim") { $0[0].sum(axes: [1, 3], keepDims: true) }
        try assertMatchesTorch("sum_all") { $0[0].sum() }
        try assertMatchesTorch("mean_axes") { $0[0].mean(axes: [-1]) }
        try assertMatchesTorch("var_axes") { $0[0].variance(axes: [0, 2, 3]) }
        try assertMatchesTorch("var_population") { $0[0].variance(axes: [1], correction: 0, keepDims: true) }
        try assertMatchesTorch("amax_axes") { $0[0].max(axes: [0, 2]) }
        try assertMatchesTorch("amax_ties") { $0[0].max(axes: [1]) }
        let x = try NPYArray.fixture("Tensor/core_argmax_in0.npy")
        let expected = try NPYArray.fixture("Tensor/core_argmax_out.npy")
        let argmax = try Tensor(x.values, shape: x.shape).argmax(axis: 1)
        XCTAssertEqual(argmax.shape, expected.shape)
        XCTAssertEqual(argmax.scalars, expected.values)
    }

    func testShapeOps() throws {
        try assertMatchesTorch("flatten") { $0[0].flattened(startDim: 1) * Tensor.arange(0, 24) }
        try assertMatchesTorch("permute") { $0[0].permuted([0, 2, 3, 1]) }
        try assertMatchesTorch("transpose") { $0[0].transposed(0, 2) }
        try assertMatchesTorch("concat") { Tensor.concatenate($0, axis: 1) }
        try assertMatchesTorch("slice") { $0[0].sliced(axis: 2, 1..<4) }
        try assertMatchesTorch("pad") { $0[0].padded([(0, 0), (0, 1), (1, 2)], value: 0.5) }
        try assertMatchesTorch("expand") { $0[0].expanded(to: [2, 3, 4]) }
    }

    func testMatmul() throws {
        try assertMatchesTorch("matmul") { $0[0].matmul($0[1]) }
        try assertMatchesTorch("matmul_batched") { $0[0].matmul($0[1]) }
        try assertMatchesTorch("matmul_broadcast") { $0[0].matmul($0[1]) }
    }

    /// Runs `op` on the fixture inputs of `name`, compares the output, back-propagates the
    /// fixture's projection and compares every input gradient: within 1e-5 relative (plus 1e-6
    /// absolute for values that cancel to about zero).
    private func assertMatchesTorch(_ name: String, file: StaticString = #filePath, line: UInt = #line,
                                    _ op: ([Tensor]) -> Tensor) throws {
        func load(_ part: String) throws -> Tensor {
            let array = try NPYArray.fixture("Tensor/core_\(name)_\(part).npy")
            return try Tensor(array.values, shape: array.shape)
        }
        var inputs: [Tensor] = []
        while FileManager.default.fileExists(atPath: Fixtures.url("Tensor/core_\(name)_in\(inputs.count).npy").path) {
            var input = try load("in\(inputs.count)")
            input.requiresGrad = true
            inputs.append(input)
        }
        XCTAssertFalse(inputs.isEmpty, "\(name): no fixture inputs", file: file, line: line)
        let output = op(inputs)
        let expected = try load("out")
        XCTAssertEqual(output.shape, expected.shape, "\(name) output shape", file: file, line: line)
        assertClose(output.scalars, expected.scalars, rtol: 1e-5, atol: 1e-6, "\(name) output", file: file, line: line)
        output.backward(try load("proj"))
        for (index, input) in inputs.enumerated() {
            let gradient = try load("gin\(index)")
            XCTAssertEqual(input.grad?.shape, gradient.shape, "\(name) gradient \(index) shape", file: file, line: line)
            assertClose(input.grad?.scalars ?? [], gradient.scalars, rtol: 1e-5, atol: 1e-6,
                        "\(name) gradient \(index)", file: file, line: line)
        }
    }
}
