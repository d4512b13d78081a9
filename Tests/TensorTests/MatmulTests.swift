import XCTest
import Tensor
import TestSupport

final class MatmulTests: XCTestCase {
    private var rng = RandomGenerator(seed: 17)

    func testSmallProduct() throws {
        let a = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        let b = try Tensor([1, 0, 0, 1, 1, 1], shape: [3, 2])
        XCTAssertEqual(a.matmul(b).scalars, [4, 5, 10, 11])
    }

    func testBatchedProductMatchesPerItemProducts() {
        let a = Tensor.normal([5, 1, 3, 4], using: &rng), b = Tensor.normal([2, 4, 6], using: &rng)
        let product = a.matmul(b)
        XCTAssertEqual(product.shape, [5, 2, 3, 6])
        for i in [0, 3] {
            for j in 0..<2 {
                let single = a.sliced(axis: 0, i..<i + 1).reshaped(to: [3, 4]).matmul(b.sliced(axis: 0, j..<j + 1).reshaped(to: [4, 6]))
                let item = product.sliced(axis: 0, i..<i + 1).sliced(axis: 1, j..<j + 1).reshaped(to: [3, 6])
                assertClose(item.scalars, single.scalars, rtol: 1e-6, atol: 1e-6)
            }
        }
    }

    func testGradientsOfMatmul() {
        let cases: [(String, [Int], [Int])] = [("2-D", [3, 5], [5, 2]), ("batched", [4, 3, 5], [4, 5, 2]),
                                               ("broadcast batch", [2, 1, 3, 5], [3, 5, 2]), ("matrix × batch", [3, 5], [2, 5, 4])]
        for (name, left, right) in cases {
            let a = Tensor.normal(left, using: &rng), b = Tensor.normal(right, using: &rng)
            let report = GradientCheck().check([a, b]) { $0[0].matmul($0[1]) }
            XCTAssertTrue(report.passed, "\(name): \(report)")
        }
    }
}

extension MatmulTests {
    func testTransposedOperandsMatchExplicitTransposes() {
        let a = Tensor.normal([2, 4, 3], using: &rng), b = Tensor.normal([2, 5, 4], using: &rng)
        let w = Tensor.normal([5, 3], using: &rng)
        assertClose(a.matmul(b, transposeSelf: true, transposeOther: true).scalars,
                    a.transposed().matmul(b.transposed()).scalars, rtol: 1e-5, atol: 1e-6)
        assertClose(a.matmul(w, transposeOther: true).scalars, a.matmul(w.transposed()).scalars, rtol: 1e-5, atol: 1e-6)
        assertClose(a.matmul(a, transposeSelf: true).scalars, a.transposed().matmul(a).scalars, rtol: 1e-5, atol: 1e-6)
    }

    func testGradientsOfTransposedMatmul() {
        let cases: [(Bool, Bool, [Int], [Int])] = [(true, false, [2, 5, 3], [2, 5, 4]), (false, true, [2, 3, 5], [4, 5]),
                                                   (true, true, [5, 3], [2, 4, 5]), (false, true, [3, 5], [4, 5])]
        for (transposeSelf, transposeOther, left, right) in cases {
            let a = Tensor.normal(left, using: &rng), b = Tensor.normal(right, using: &rng)
            let report = GradientCheck().check([a, b]) {
                $0[0].matmul($0[1], transposeSelf: transposeSelf, transposeOther: transposeOther)
            }
            XCTAssertTrue(report.passed, "transposeSelf \(transposeSelf), transposeOther \(transposeOther): \(report)")
        }
    }
}

extension MatmulTests {
    /// Products large enough (160 · 150 · 100 ≥ 2¹⁸ multiply-adds) to be split across workers (by rows when
    /// taller than wide, by columns otherwise), with every transpose combination, equal a Double-accumulated direct product.
    func testLargeProductsSplitAcrossWorkersMatchDirectProducts() {
        let (m, k, n) = (160, 150, 100)
        let a = Tensor.normal([m, k], using: &rng), b = Tensor.normal([k, n], using: &rng)
        let (x, y) = (a.scalars, b.scalars)
        var expected = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0
                for p in 0..<k { sum += Double(x[i * k + p]) * Double(y[p * n + j]) }
                expected[i * n + j] = Float(sum)
            }
        }
        let expectedTransposed = a.transposed().matmul(b.transposed(), transposeSelf: true, transposeOther: true)
        assertClose(a.matmul(b).scalars, expected, rtol: 1e-5, atol: 1e-4)
        assertClose(expectedTransposed.scalars, expected, rtol: 1e-5, atol: 1e-4)
        let wide = b.matmul(a, transposeSelf: true, transposeOther: true)  // (a · b)ᵀ: 100 × 160, split by columns
        assertClose(wide.transposed().scalars, expected, rtol: 1e-5, atol: 1e-4)
    }
}

extension MatmulTests {
    /// `linear` equals `x · wᵀ + b` from `matmul` and a broadcast add, for matrices, batches of
    /// matrices and single vectors, with and without bias.
    func testLinearMatchesMatmulPlusBias() {
        for shape in [[6, 5], [2, 3, 5], [5]] {
            let x = Tensor.normal(shape, using: &rng), w = Tensor.normal([4, 5], using: &rng)
            let b = Tensor.normal([4], using: &rng)
            let product = x.reshaped(to: [x.count / 5, 5]).matmul(w, transposeOther: true)
            let expected = (product + b).reshaped(to: shape.dropLast() + [4])
            let result = x.linear(weight: w, bias: b)
            XCTAssertEqual(result.shape, expected.shape)
            assertClose(result.scalars, expected.scalars, rtol: 1e-5, atol: 1e-6)
            assertClose(x.linear(weight: w).scalars, product.scalars, rtol: 1e-5, atol: 1e-6)
        }
    }

    func testGradientsOfLinear() {
        for shape in [[6, 5], [2, 3, 5]] {
            let x = Tensor.normal(shape, using: &rng), w = Tensor.normal([4, 5], using: &rng)
            let b = Tensor.normal([4], using: &rng)
            let report = GradientCheck().check([x, w, b]) { $0[0].linear(weight: $0[1], bias: $0[2]) }
            XCTAssertTrue(report.passed, "\(shape): \(report)")
            let unbiased = GradientCheck().check([x, w]) { $0[0].linear(weight: $0[1]) }
            XCTAssertTrue(unbiased.passed, "\(shape) without bias: \(unbiased)")
        }
    }
}

