import XCTest
import Tensor
import TestSupport

final class AutogradTests: XCTestCase {
    func testGradientsAccumulateAcrossBackwardCallsUntilZeroed() throws {
        var x = try Tensor([1, 2, 3], shape: [3])
        x.requiresGrad = true
        (x * x).sum().backward()
        XCTAssertEqual(x.grad?.scalars, [2, 4, 6])
        (x * 3).sum().backward()
        XCTAssertEqual(x.grad?.scalars, [5, 7, 9])
        x.zeroGrad()
        XCTAssertNil(x.grad)
    }

    func testSharedSubexpressionSumsBothPaths() throws {
        var x = try Tensor([2], shape: [1])
        x.requiresGrad = true
        let y = x * x           // used twice below
        (y * y + y).sum().backward()   // d/dx (x⁴ + x²) = 4x³ + 2x
        XCTAssertEqual(x.grad?.scalars, [36])
    }

    func testExplicitSeedGradientForNonScalarOutput() throws {
        var x = try Tensor([1, 2], shape: [2])
        x.requiresGrad = true
        (x * 5).backward(try Tensor([1, -1], shape: [2]))
        XCTAssertEqual(x.grad?.scalars, [5, -5])
    }

    func testNoGradScopeRecordsNothing() throws {
        var x = try Tensor([1, 2], shape: [2])
        x.requiresGrad = true
        let y = Tensor.withoutGrad { x * 2 }
        XCTAssertFalse(y.requiresGrad)
        XCTAssertTrue(Tensor.isGradEnabled)
        XCTAssertTrue((x * 2).requiresGrad)
        XCTAssertFalse((x.detached() * 2).requiresGrad)
    }

    func testInputsWithoutGradientsGetNone() throws {
        var w = try Tensor([1, 2], shape: [2])
        w.requiresGrad = true
        let data = try Tensor([3, 4], shape: [2])
        (w * data).sum().backward()
        XCTAssertEqual(w.grad?.scalars, [3, 4])
        XCTAssertNil(data.grad)
        XCTAssertTrue(w.isLeaf)
        XCTAssertFalse((w * data).isLeaf)
    }

    func testBroadcastGradientIsSummedToInputShape() throws {
        var bias = try Tensor([1, 2, 3], shape: [3])
        bias.requiresGrad = true
        (Tensor.ones([4, 3]) + bias).sum().backward()
        XCTAssertEqual(bias.grad?.shape, [3])
        XCTAssertEqual(bias.grad?.scalars, [4, 4, 4])
    }

    func testIntermediateBuffersAreReleasedAfterBackward() throws {
        var x = try Tensor([1, 2, 3], shape: [3])
        x.requiresGrad = true
        weak var released: TestObserver?
        do {
            let observer = TestObserver()
            released = observer
            let y = Tensor.makeResult(x * 2, parents: [x]) { [observer] gradient in
                _ = observer
                return [gradient * 2]
            }
            y.sum().backward()
        }
        XCTAssertNil(released, "the backward closure and its captures are freed by backward()")
        XCTAssertEqual(x.grad?.scalars, [2, 2, 2])
    }

    func testCustomOpThroughMakeResult() throws {
        var x = try Tensor([0.5, -1, 2], shape: [3])
        x.requiresGrad = true
        let value = Tensor(shape: x.shape) { out in
            x.withUnsafeBufferPointer { input in for i in input.indices { out[i] = input[i] * input[i] * input[i] } }
        }
        let cube = Tensor.makeResult(value, parents: [x]) { gradient in [gradient * 3 * x * x] }
        cube.sum().backward()
        assertClose(x.grad!.scalars, [0.75, 3, 12])
        let report = GradientCheck().check([x]) { inputs in
            let input = inputs[0]
            return Tensor.makeResult(input * input * input, parents: [input]) { gradient in [gradient * 3 * input * input] }
        }
        XCTAssertTrue(report.passed, report.description)
    }
}

private final class TestObserver {}

extension AutogradTests {
    func testRetainGraphAllowsASecondBackward() throws {
        var x = try Tensor([1, 2], shape: [2])
        x.requiresGrad = true
        let y = (x * x).sum()
        y.backward(retainGraph: true)
        y.backward()
        XCTAssertEqual(x.grad?.scalars, [4, 8])
    }

    func testLeafBackwardAccumulatesTheSeed() throws {
        var x = try Tensor([1, 2], shape: [2])
        x.requiresGrad = true
        x.backward(try Tensor([3, 4], shape: [2]))
        XCTAssertEqual(x.grad?.scalars, [3, 4])
    }
}

extension AutogradTests {
    /// A training-like loop (forward, backward, in-place update) keeps memory flat: every step's
    /// graph and intermediate buffers (about 0.5 MB) are freed, so 200 steps stay far below the
    /// 100 MB a leak would add.
    func testMemoryDoesNotGrowAcrossTrainingSteps() throws {
        var rng = RandomGenerator(seed: 3)
        let x = Tensor.normal([256, 256], using: &rng), target = Tensor.normal([256, 64], using: &rng)
        var w = Tensor.normal([256, 64], std: 0.05, using: &rng)
        w.requiresGrad = true
        func step() {
            let error = x.matmul(w).exp() - target
            (error * error).mean(axes: [0]).sum().backward()
            Tensor.withoutGrad { w.addInPlace(w.grad!, scaledBy: -0.001) }
            w.zeroGrad()
        }
        for _ in 0..<20 { step() }
        let before = try residentBytes()
        for _ in 0..<200 { step() }
        let growth = try residentBytes() - before
        XCTAssertLessThan(growth, 8 << 20, "resident memory grew by \(growth) bytes over 200 steps")
    }

    /// Resident set size from /proc/self/statm (Linux).
    private func residentBytes() throws -> Int {
        let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
        let pages = try XCTUnwrap(statm.split(separator: " ").dropFirst().first.flatMap { Int($0) })
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
