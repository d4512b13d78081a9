import Tensor
import XCTest

/// The general (separable, SIMD) `maxPool2d` path against a direct row-major scan of every window
/// with PyTorch's rule (a later value wins when larger or NaN), on data full of ties, signed zeros
/// and NaN: values bit for bit and the gradient routing. `PoolingTests` checks the same op against
/// PyTorch fixtures on ordinary data.
final class MaxPoolWindowTests: XCTestCase {
    private struct Case {
        var kernel: (Int, Int), stride: (Int, Int), dilation: (Int, Int) = (1, 1)
        var padding: Padding = .valid, ceilMode = false
        var shape: [Int]
    }

    /// Keras-style "same" windows (wider than one SIMD block, with a partial one), explicit padding in
    /// ceil mode, dilation, overlapping stride-1 windows and non-square kernels.
    private let cases = [
        Case(kernel: (3, 3), stride: (2, 2), padding: .same, shape: [2, 3, 13, 21]),
        Case(kernel: (3, 3), stride: (2, 2), padding: .explicit(1), ceilMode: true, shape: [1, 2, 8, 19]),
        Case(kernel: (2, 3), stride: (1, 2), dilation: (2, 1), shape: [1, 2, 9, 40]),
        Case(kernel: (3, 3), stride: (1, 1), shape: [1, 1, 6, 18]),
        Case(kernel: (2, 2), stride: (2, 2), padding: .same, shape: [2, 2, 7, 5]),
        Case(kernel: (1, 4), stride: (1, 3), shape: [1, 1, 3, 10]),
    ]

    func testValuesAndGradientsMatchRowMajorScan() throws {
        for (index, testCase) in cases.enumerated() {
            var rng = RandomGenerator(seed: 40 + UInt64(index))
            let levels: [Float] = [-1, -0.0, 0, 1]
            let values = (0..<testCase.shape.reduce(1, *)).map { _ in rng.chance(0.05) ? Float.nan : rng.pick(levels) }
            var x = try Tensor(values, shape: testCase.shape)
            x.requiresGrad = true
            let y = x.maxPool2d(kernelSize: Pair2D(height: testCase.kernel.0, width: testCase.kernel.1),
                                stride: Pair2D(height: testCase.stride.0, width: testCase.stride.1), padding: testCase.padding,
                                dilation: Pair2D(height: testCase.dilation.0, width: testCase.dilation.1), ceilMode: testCase.ceilMode)
            let seed = try Tensor((0..<y.count).map { _ in rng.float(in: 1...2) }, shape: y.shape)
            y.backward(seed)
            let reference = Self.scan(values, shape: testCase.shape, outputShape: y.shape, testCase: testCase,
                                      seed: seed.scalars)
            XCTAssertEqual(y.scalars.map(\.bitPattern), reference.values.map(\.bitPattern), "case \(index)")
            XCTAssertEqual(x.grad?.scalars, reference.gradient, "case \(index)")
            let plain = Tensor.withoutGrad { x.maxPool2d(kernelSize: Pair2D(height: testCase.kernel.0, width: testCase.kernel.1),
                                                          stride: Pair2D(height: testCase.stride.0, width: testCase.stride.1),
                                                          padding: testCase.padding,
                                                          dilation: Pair2D(height: testCase.dilation.0, width: testCase.dilation.1),
                                                          ceilMode: testCase.ceilMode) }
            XCTAssertEqual(plain.scalars.map(\.bitPattern), reference.values.map(\.bitPattern), "case \(index), no grad")
        }
    }

    /// Row-major scan of each window (padding skipped) and the gradient routed to each winner.
    private static func scan(_ x: [Float], shape: [Int], outputShape: [Int], testCase: Case,
                             seed: [Float]) -> (values: [Float], gradient: [Float]) {
        let (planes, h, w) = (shape[0] * shape[1], shape[2], shape[3])
        let (outH, outW) = (outputShape[2], outputShape[3])
        let padTop = padBefore(testCase, inputSize: h, kernel: testCase.kernel.0, stride: testCase.stride.0,
                               dilation: testCase.dilation.0)
        let padLeft = padBefore(testCase, inputSize: w, kernel: testCase.kernel.1, stride: testCase.stride.1,
                                dilation: testCase.dilation.1)
        var values = [Float](), gradient = [Float](repeating: 0, count: x.count)
        for plane in 0..<planes {
            for oh in 0..<outH {
                for ow in 0..<outW {
                    var best = -Float.infinity, winner = -1
                    for tapRow in 0..<testCase.kernel.0 {
                        let row = oh * testCase.stride.0 - padTop + tapRow * testCase.dilation.0
                        for tapColumn in 0..<testCase.kernel.1 {
                            let column = ow * testCase.stride.1 - padLeft + tapColumn * testCase.dilation.1
                            guard (0..<h).contains(row), (0..<w).contains(column) else { continue }
                            let position = (plane * h + row) * w + column
                            if winner < 0 { winner = position }
                            if x[position] > best || x[position].isNaN { (best, winner) = (x[position], position) }
                        }
                    }
                    values.append(best)
                    gradient[winner] += seed[(plane * outH + oh) * outW + ow]
                }
            }
        }
        return (values, gradient)
    }

    /// Leading padding: TensorFlow's split for `.same` (odd element after), the given amount otherwise.
    private static func padBefore(_ testCase: Case, inputSize: Int, kernel: Int, stride: Int, dilation: Int) -> Int {
        switch testCase.padding {
        case .same:
            let output = (inputSize + stride - 1) / stride
            return max((output - 1) * stride + dilation * (kernel - 1) + 1 - inputSize, 0) / 2
        case .explicit(let amount): return amount
        case .valid: return 0
        case .perAxis: preconditionFailure("not used here")
        }
    }
}
