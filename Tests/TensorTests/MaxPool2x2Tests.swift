import Tensor
import XCTest

/// The 2×2 / stride-2 fast path of `maxPool2d` against the general window path (checked against
/// PyTorch in `PoolingTests`), on data full of ties, signed zeros and NaN. The general path is
/// reached by pooling a copy grown by a leading row and column with one element of padding.
final class MaxPool2x2Tests: XCTestCase {
    /// Even, odd, and wider-than-a-SIMD-block sizes, with and without a partial last block.
    private let shapes = [[2, 3, 6, 20], [1, 2, 7, 9], [1, 1, 5, 33], [1, 1, 2, 2], [1, 1, 4, 3]]

    func testValuesMatchGeneralPathWithTiesSignedZerosAndNaN() throws {
        for (index, shape) in shapes.enumerated() {
            let x = try Self.tiedInput(shape, seed: UInt64(index))
            let reference = try Self.generalPool(x)
            XCTAssertEqual(Self.bits(x.maxPool2d(kernelSize: 2)), Self.bits(reference.value), "shape \(shape)")
        }
    }

    func testGradientGoesToFirstMaximumOrLastNaNAsGeneralPath() throws {
        for (index, shape) in shapes.enumerated() {
            var x = try Self.tiedInput(shape, seed: UInt64(index))
            x.requiresGrad = true
            let reference = try Self.generalPool(x)
            var rng = RandomGenerator(seed: 100 + UInt64(index))
            let seed = try Tensor((0..<reference.value.count).map { _ in rng.float(in: 1...2) }, shape: reference.value.shape)
            x.maxPool2d(kernelSize: 2).backward(seed)
            XCTAssertEqual(x.grad?.scalars, reference.gradient(seed), "shape \(shape)")
        }
    }

    /// Odd sizes with `⌈size / 2⌉` outputs (Keras "same" padding, ceil mode): the windows cut by the
    /// bottom and right edges, values and gradients.
    func testSamePaddingAndCeilModeKeepEdgeWindowsAsGeneralPath() throws {
        for (index, shape) in [[2, 3, 7, 21], [1, 2, 5, 9], [1, 1, 6, 33], [1, 1, 3, 3], [1, 1, 3, 2]].enumerated() {
            for pool in [{ (x: Tensor) in x.maxPool2d(kernelSize: 2, padding: .same) },
                         { (x: Tensor) in x.maxPool2d(kernelSize: 2, ceilMode: true) }] {
                var x = try Self.tiedInput(shape, seed: 20 + UInt64(index))
                x.requiresGrad = true
                let reference = try Self.generalPool(x, keepsEdges: true)
                let y = pool(x)
                XCTAssertEqual(Self.bits(y), Self.bits(reference.value), "shape \(shape)")
                var rng = RandomGenerator(seed: 200 + UInt64(index))
                let seed = try Tensor((0..<y.count).map { _ in rng.float(in: 1...2) }, shape: y.shape)
                y.backward(seed)
                XCTAssertEqual(x.grad?.scalars, reference.gradient(seed), "shape \(shape)")
            }
        }
    }

    /// Windows cut by the edge are padded with −∞, which must never win, even against a real −∞.
    func testEdgeWindowsOfMinusInfinityRouteTheGradientToTheRealElement() throws {
        let inf = Float.infinity
        var x = try Tensor([-inf, -inf, -inf,
                            -inf, -inf, -inf,
                            -inf, -inf, -inf], shape: [1, 1, 3, 3])
        x.requiresGrad = true
        let y = x.maxPool2d(kernelSize: 2, padding: .same)
        XCTAssertEqual(y.scalars, [-inf, -inf, -inf, -inf])
        y.backward(try Tensor([1, 2, 3, 4], shape: [1, 1, 2, 2]))
        XCTAssertEqual(x.grad?.scalars, [1, 0, 2,
                                         0, 0, 0,
                                         3, 0, 4])
    }

    func testNoGradientPathEqualsRecordedPath() throws {
        var x = try Self.tiedInput([2, 2, 9, 18], seed: 7)
        let plain = Tensor.withoutGrad { x.maxPool2d(kernelSize: 2) }
        x.requiresGrad = true
        XCTAssertEqual(Self.bits(plain), Self.bits(x.maxPool2d(kernelSize: 2)))
    }

    func testWindowRulesOnHandPickedCases() throws {
        let nan = Float.nan
        // Windows: first maximum wins a tie; NaN beats any value; odd last column is ignored.
        var x = try Tensor([3, 1, 5, 5, 9,
                            3, 2, nan, 4, 9], shape: [1, 1, 2, 5])
        x.requiresGrad = true
        let y = x.maxPool2d(kernelSize: 2)
        XCTAssertEqual(y.scalars[0], 3)
        XCTAssertTrue(y.scalars[1].isNaN)
        y.sum().backward()
        XCTAssertEqual(x.grad?.scalars, [1, 0, 0, 0, 0,
                                         0, 0, 1, 0, 0])
    }

    /// Values from {−1, −0, 0, 1} with about 5 % NaN: many ties, and NaN in some windows.
    private static func tiedInput(_ shape: [Int], seed: UInt64) throws -> Tensor {
        var rng = RandomGenerator(seed: seed)
        let levels: [Float] = [-1, -0.0, 0, 1]
        let values = (0..<shape.reduce(1, *)).map { _ in rng.chance(0.05) ? Float.nan : rng.pick(levels) }
        return try Tensor(values, shape: shape)
    }

    /// The general-path pooling of `x` with the fast path's windows: `value` (`⌊size / 2⌋` outputs per
    /// axis, or `⌈size / 2⌉` with `keepsEdges`) and `gradient(seed)`, the input gradient of `x` for an
    /// output gradient `seed`. The general path is reached by growing `x` by one leading row and
    /// column and pooling with one element of padding on every side: output `k + 1` then has the
    /// window of the fast path's output `k`.
    private static func generalPool(_ x: Tensor, keepsEdges: Bool = false) throws
        -> (value: Tensor, gradient: (Tensor) -> [Float]) {
        let (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3])
        let (grownH, grownW) = (h + 1, w + 1)
        let source = x.scalars
        var grown = try Tensor(Self.map(n * c, grownH, grownW) { p, r, col in
            r > 0 && col > 0 ? source[(p * h + r - 1) * w + col - 1] : 5
        }, shape: [n, c, grownH, grownW])
        grown.requiresGrad = true
        let pooled = grown.maxPool2d(kernelSize: 2, padding: .explicit(1))
        let (outH, outW) = keepsEdges ? ((h + 1) / 2, (w + 1) / 2) : (h / 2, w / 2)
        let (pooledH, pooledW) = (pooled.shape[2], pooled.shape[3])
        let pooledValues = pooled.scalars
        let value = try Tensor(Self.map(n * c, outH, outW) { p, r, col in
            pooledValues[(p * pooledH + r + 1) * pooledW + col + 1]
        }, shape: [n, c, outH, outW])
        return (value, { seed in
            let seedValues = seed.scalars
            let grownSeed = try! Tensor(Self.map(n * c, pooledH, pooledW) { p, r, col in
                (1...outH).contains(r) && (1...outW).contains(col) ? seedValues[(p * outH + r - 1) * outW + col - 1] : 0
            }, shape: pooled.shape)
            grown.zeroGrad()
            pooled.backward(grownSeed, retainGraph: true)
            let gradient = grown.grad!.scalars
            return Self.map(n * c, h, w) { p, r, col in gradient[(p * grownH + r + 1) * grownW + col + 1] }
        })
    }

    /// `value(plane, row, column)` over `planes × rows × columns`, row-major.
    private static func map(_ planes: Int, _ rows: Int, _ columns: Int,
                            _ value: (Int, Int, Int) -> Float) -> [Float] {
        (0..<planes * rows * columns).map { value($0 / (rows * columns), $0 / columns % rows, $0 % columns) }
    }

    private static func bits(_ tensor: Tensor) -> [UInt32] { tensor.scalars.map(\.bitPattern) }
}
