import Tensor
import TestSupport
import XCTest

final class DropoutTests: XCTestCase {
    func testTrainingZeroesAboutPAndScalesSurvivors() {
        var generator = RandomGenerator(seed: 42)
        let y = Tensor.ones([100, 100]).dropout(probability: 0.3, training: true, using: &generator).scalars
        let zeros = y.filter { $0 == 0 }.count
        XCTAssertEqual(Double(zeros) / 10_000, 0.3, accuracy: 0.02)
        for value in y where value != 0 { XCTAssertEqual(value, 1 / 0.7, accuracy: 1e-6) }
    }

    func testSeededMasksRepeatAndGradientUsesTheMask() {
        var first = RandomGenerator(seed: 7), second = RandomGenerator(seed: 7)
        var x = Tensor.normal([4, 6], using: &first)
        _ = Tensor.normal([4, 6], using: &second)
        x.requiresGrad = true
        let y = x.dropout(probability: 0.5, training: true, using: &first)
        let again = x.dropout(probability: 0.5, training: true, using: &second)
        XCTAssertEqual(y.scalars, again.scalars)
        y.sum().backward()
        let expected = zip(y.scalars, x.scalars).map { output, input in output == 0 ? Float(0) : output / input }
        assertClose(x.grad?.scalars ?? [], expected, rtol: 1e-6)
    }

    func testEvaluationAndEdgeProbabilities() {
        var generator = RandomGenerator(seed: 1)
        let x = Tensor.normal([3, 3], using: &generator)
        XCTAssertEqual(x.dropout(training: false, using: &generator).scalars, x.scalars)
        XCTAssertEqual(x.dropout(probability: 0, training: true, using: &generator).scalars, x.scalars)
        XCTAssertEqual(x.dropout(probability: 1, training: true, using: &generator).scalars, [Float](repeating: 0, count: 9))
    }
}
