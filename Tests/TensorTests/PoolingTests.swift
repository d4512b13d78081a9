import Tensor
import XCTest

final class PoolingTests: XCTestCase {
    func testMaxPoolMatchesPyTorch() throws {
        try OpsFixture("maxpool_basic").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].maxPool2d(kernelSize: 2) }
        try OpsFixture("maxpool_ceil").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].maxPool2d(kernelSize: 3, stride: 2, padding: .explicit(1), ceilMode: true)
        }
        try OpsFixture("maxpool_dilated").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].maxPool2d(kernelSize: [2, 3], stride: [1, 2], dilation: [2, 1])
        }
        try OpsFixture("maxpool_same").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].maxPool2d(kernelSize: 3, stride: 2, padding: .same)
        }
    }

    /// Numeric gradients are undefined at ties, so tie routing is checked against PyTorch: the
    /// gradient of each window goes to its first maximum only, and overlapping windows accumulate.
    func testMaxPoolTiesRouteGradientToFirstMaximumAsPyTorch() throws {
        let fixture = OpsFixture("maxpool_ties")
        try fixture.assertMatches(inputs: ["x"], rtol: 1e-6) { $0[0].maxPool2d(kernelSize: 2, stride: 1) }
        var x = try Tensor([1, 1, 1, 1], shape: [1, 1, 2, 2])
        x.requiresGrad = true
        x.maxPool2d(kernelSize: 2).sum().backward()
        XCTAssertEqual(x.grad?.scalars, [1, 0, 0, 0])
    }

    func testAvgPoolMatchesPyTorch() throws {
        try OpsFixture("avgpool_basic").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].avgPool2d(kernelSize: 2) }
        try OpsFixture("avgpool_padded").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: .explicit(1), ceilMode: true)
        }
        try OpsFixture("avgpool_exclude").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: .explicit(1), countIncludePad: false)
        }
        try OpsFixture("avgpool_same").assertMatches(inputs: ["x"], rtol: 1e-5) {
            $0[0].avgPool2d(kernelSize: 3, stride: 2, padding: .same)
        }
        try OpsFixture("global_avgpool").assertMatches(inputs: ["x"], rtol: 1e-5) { $0[0].globalAveragePool2d() }
    }

    func testGradientCheck() {
        var rng = RandomGenerator(seed: 21)
        let x = Tensor.normal([2, 2, 7, 8], using: &rng)
        let pools: [(String, (Tensor) -> Tensor)] = [
            ("max same", { $0.maxPool2d(kernelSize: 3, stride: 2, padding: .same) }),
            ("max ceil", { $0.maxPool2d(kernelSize: 3, stride: 2, padding: .explicit(1), ceilMode: true) }),
            ("avg same", { $0.avgPool2d(kernelSize: 3, stride: 2, padding: .same) }),
            ("avg ceil", { $0.avgPool2d(kernelSize: [3, 2], stride: 2, padding: .perAxis([1, 1]), ceilMode: true) }),
            ("global", { $0.globalAveragePool2d(keepDims: true) }),
        ]
        for (name, pool) in pools {
            assertPasses(GradientCheck().check([x]) { pool($0[0]) }, name)
        }
    }

    func testOutputShapes() {
        let x = Tensor.zeros([1, 1, 7, 8])
        XCTAssertEqual(x.maxPool2d(kernelSize: 2).shape, [1, 1, 3, 4])
        XCTAssertEqual(x.maxPool2d(kernelSize: 2, ceilMode: true).shape, [1, 1, 4, 4])
        XCTAssertEqual(x.avgPool2d(kernelSize: 3, stride: 2, padding: .same).shape, [1, 1, 4, 4])
        XCTAssertEqual(x.globalAveragePool2d().shape, [1, 1])
    }
}
