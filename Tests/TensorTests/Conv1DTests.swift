import Tensor
import XCTest

final class Conv1DTests: XCTestCase {
    func testMatchesPyTorch() throws {
        try OpsFixture("conv1d_strided").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv1d($0[1], bias: $0[2], stride: 2, padding: .explicit(1), dilation: 2)
        }
        try OpsFixture("conv1d_same").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv1d($0[1], bias: $0[2], padding: .same)
        }
    }

    func testGradientCheck() {
        var rng = RandomGenerator(seed: 11)
        let x = Tensor.normal([2, 4, 9], using: &rng), w = Tensor.normal([6, 2, 3], using: &rng)
        let b = Tensor.normal([6], using: &rng)
        assertPasses(GradientCheck().check([x, w, b]) {
            $0[0].conv1d($0[1], bias: $0[2], stride: 2, padding: .perAxis([2]), dilation: 2, groups: 2)
        })
    }
}
