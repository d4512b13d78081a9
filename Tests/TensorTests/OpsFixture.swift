import Tensor
import TestSupport
import XCTest

/// One PyTorch case written by `scripts/fixtures/tensor_ops.py` as `Tensor/ops_<case>_<array>.npy`:
/// inputs, the backward seed `g`, the output `y` and input gradients `d<input>`.
struct OpsFixture {
    let name: String

    init(_ name: String) {
        self.name = name
    }

    /// Array `array` of the case as a tensor (0-d arrays become scalars).
    func tensor(_ array: String) throws -> Tensor {
        let npy = try NPYArray.fixture("Tensor/ops_\(name)_\(array).npy")
        return try Tensor(npy.values, shape: npy.shape)
    }

    /// Array `array` of the case as class indices.
    func indices(_ array: String) throws -> [Int] {
        try NPYArray.fixture("Tensor/ops_\(name)_\(array).npy").values.map { Int($0) }
    }

    /// Whether the case has array `array`.
    func has(_ array: String) -> Bool {
        FileManager.default.fileExists(atPath: Fixtures.url("Tensor/ops_\(name)_\(array).npy").path)
    }

    /// Runs `function` on the named inputs (all requiring gradients), back-propagates the seed `g`
    /// and compares the output with `y` and each input's gradient with `d<input>` where the case has it.
    ///
    /// An element passes when `|actual − expected| ≤ rtol · (|expected| + max|expected|)`: relative,
    /// with a floor relative to the array's largest magnitude for elements near zero.
    func assertMatches(inputs names: [String], rtol: Float, _ function: ([Tensor]) -> Tensor,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let inputs = try names.map { name -> Tensor in
            var input = try tensor(name)
            input.requiresGrad = true
            return input
        }
        let output = function(inputs)
        assertTensor(output, matches: try tensor("y"), rtol: rtol, "\(name) y", file: file, line: line)
        output.backward(try tensor("g"))
        for (name, input) in zip(names, inputs) where has("d\(name)") {
            guard let gradient = input.grad else {
                XCTFail("\(self.name): no gradient for \(name)", file: file, line: line)
                continue
            }
            assertTensor(gradient, matches: try tensor("d\(name)"), rtol: rtol, "\(self.name) d\(name)",
                         file: file, line: line)
        }
    }
}

/// Asserts equal shapes and `|actual − expected| ≤ rtol · (|expected| + max|expected|)` elementwise.
func assertTensor(_ actual: Tensor, matches expected: Tensor, rtol: Float, _ message: String = "",
                  file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(actual.shape, expected.shape, "shape \(message)", file: file, line: line)
    let scale = expected.scalars.reduce(Float(0)) { max($0, abs($1)) }
    assertClose(actual.scalars, expected.scalars, rtol: rtol, atol: rtol * scale, message, file: file, line: line)
}

/// Asserts that `report` passed, printing it otherwise.
func assertPasses(_ report: GradientCheckReport, _ message: String = "",
                  file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertTrue(report.passed, "\(message)\n\(report)", file: file, line: line)
}
