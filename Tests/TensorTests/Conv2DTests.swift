import Tensor
import XCTest

final class Conv2DTests: XCTestCase {
    func testMatchesPyTorch() throws {
        try OpsFixture("conv2d_basic").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], padding: .explicit(1))
        }
        try OpsFixture("conv2d_strided").assertMatches(inputs: ["x", "w"], rtol: 1e-4) {
            $0[0].conv2d($0[1], stride: [2, 1], padding: .perAxis([1, 2]), dilation: [2, 1])
        }
        try OpsFixture("conv2d_grouped").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], stride: 2, padding: .explicit(1), groups: 2)
        }
        try OpsFixture("conv2d_depthwise").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], padding: .explicit(1), groups: 3)
        }
        try OpsFixture("conv2d_depthwise_strided").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], stride: 2, padding: .explicit(1), groups: 4)
        }
        try OpsFixture("conv2d_depthwise_dilated").assertMatches(inputs: ["x", "w"], rtol: 1e-4) {
            $0[0].conv2d($0[1], stride: [1, 3], padding: .perAxis([2, 3]), dilation: 2, groups: 3)
        }
        try OpsFixture("conv2d_same").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], stride: 2, padding: .same)
        }
        try OpsFixture("conv2d_winograd").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2], padding: .explicit(1))
        }
        try OpsFixture("conv2d_winograd_valid").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2])
        }
        try OpsFixture("conv2d_pointwise").assertMatches(inputs: ["x", "w", "b"], rtol: 1e-4) {
            $0[0].conv2d($0[1], bias: $0[2])
        }
    }

    func testGradientCheck() {
        var rng = RandomGenerator(seed: 7)
        let cases: [(input: [Int], weight: [Int], stride: Pair2D, padding: Padding, dilation: Pair2D, groups: Int)] = [
            ([2, 3, 6, 5], [4, 3, 3, 3], [2, 1], .explicit(1), 1, 1),
            ([1, 2, 7, 7], [2, 2, 3, 2], 1, .perAxis([2, 1]), [2, 3], 1),
            ([2, 4, 5, 5], [6, 2, 3, 3], 2, .same, 1, 2),
            ([1, 3, 5, 6], [3, 1, 3, 3], 1, .explicit(1), 1, 3),
            ([1, 3, 6, 7], [2, 3, 4, 3], 2, .same, 1, 1),
            // Depthwise kernel: vectorised interior (≥ 8 outputs wide) and borders, strides, dilation,
            // channel multiplier 2, asymmetric "same" padding.
            ([2, 3, 5, 19], [3, 1, 3, 3], 2, .explicit(1), 1, 3),
            ([1, 2, 6, 20], [4, 1, 3, 3], [1, 2], .perAxis([2, 1]), [2, 1], 2),
            ([1, 2, 7, 13], [2, 1, 2, 4], 1, .same, 1, 2),
            // Winograd path (≥ 8 input channels, 3×3, stride 1), odd sizes; rows of four tiles and more,
            // and narrow planes whose tiles are grouped across rows and images.
            ([2, 8, 5, 17], [3, 8, 3, 3], 1, .explicit(1), 1, 1),
            ([1, 8, 5, 18], [2, 8, 3, 3], 1, .perAxis([2, 0]), 1, 1),
            ([3, 8, 9, 7], [3, 8, 3, 3], 1, .same, 1, 1),
            ([2, 8, 5, 4], [2, 8, 3, 3], 1, .explicit(1), 1, 1),
        ]
        for c in cases {
            let x = Tensor.normal(c.input, using: &rng), w = Tensor.normal(c.weight, using: &rng)
            let b = Tensor.normal([c.weight[0]], using: &rng)
            // Convolution is linear in each operand, so a large step has no truncation error and
            // keeps float32 rounding of the (Winograd) forward out of the numeric gradient.
            let report = GradientCheck(epsilon: 0.05).check([x, w, b]) {
                $0[0].conv2d($0[1], bias: $0[2], stride: c.stride, padding: c.padding, dilation: c.dilation,
                             groups: c.groups)
            }
            assertPasses(report, "\(c)")
        }
    }

    /// Shapes large enough for several bands and one image per worker, against a direct summation
    /// and the bilinear identities of the gradients: 3×3 on 16 channels runs Winograd's algorithm,
    /// 5×5 runs im2col.
    func testBandedAndParallelMatchDirectSum() {
        var rng = RandomGenerator(seed: 3)
        for (channels, kernel) in [(16, 3), (8, 5)] {
            var x = Tensor.normal([2, channels, 61, 70], using: &rng)
            var w = Tensor.normal([5, channels, kernel, kernel], using: &rng)
            x.requiresGrad = true
            w.requiresGrad = true
            let pad = kernel / 2
            let y = x.conv2d(w, padding: .explicit(pad))
            // Without bias the convolution is bilinear: ⟨dY, Y⟩ = ⟨dX, X⟩ = ⟨dW, W⟩ for any seed dY.
            let seed = Tensor.normal(y.shape, using: &rng)
            y.backward(seed)
            let total = (seed * y).sum().item()
            XCTAssertEqual((x.grad! * x).sum().item(), total, accuracy: 1e-4 * Swift.abs(total))
            XCTAssertEqual((w.grad! * w).sum().item(), total, accuracy: 1e-4 * Swift.abs(total))
            XCTAssertEqual(y.shape, [2, 5, 61, 70])
            for (n, o, row, column) in [(0, 0, 0, 0), (1, 4, 60, 69), (0, 2, 33, 17), (1, 1, 47, 0), (0, 3, 20, 69)] {
                var expected: Float = 0
                for c in 0..<channels {
                    for i in 0..<kernel {
                        for j in 0..<kernel {
                            let (r, s) = (row + i - pad, column + j - pad)
                            if r >= 0, r < 61, s >= 0, s < 70 { expected += w[o, c, i, j] * x[n, c, r, s] }
                        }
                    }
                }
                XCTAssertEqual(y[n, o, row, column], expected, accuracy: 1e-4, "\((channels, kernel, n, o, row, column))")
            }
        }
    }

    func testSamePaddingOutputSizes() {
        let x = Tensor.zeros([1, 1, 7, 8])
        XCTAssertEqual(x.conv2d(Tensor.zeros([1, 1, 3, 3]), stride: 2, padding: .same).shape, [1, 1, 4, 4])
        XCTAssertEqual(x.conv2d(Tensor.zeros([1, 1, 4, 4]), padding: .same).shape, [1, 1, 7, 8])
        XCTAssertEqual(x.conv2d(Tensor.zeros([1, 1, 3, 3])).shape, [1, 1, 5, 6])
    }

    func testGradientsOnlyForInputsThatNeedThem() {
        var rng = RandomGenerator(seed: 5)
        let x = Tensor.normal([1, 2, 4, 4], using: &rng)
        var w = Tensor.normal([3, 2, 3, 3], using: &rng)
        w.requiresGrad = true
        x.conv2d(w, padding: .explicit(1)).sum().backward()
        XCTAssertNil(x.grad)
        XCTAssertEqual(w.grad?.shape, [3, 2, 3, 3])
    }
}
