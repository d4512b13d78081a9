import XCTest
import Tensor
import TestSupport

final class ParallelTests: XCTestCase {
    func testParallelForCoversTheRangeOnceInOrderedChunks() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = 3
        var seen = [Int](repeating: 0, count: 1000)
        seen.withUnsafeMutableBufferPointer { buffer in
            Parallel.parallelFor(0..<1000, minimumChunk: 10) { range in
                XCTAssertTrue(Parallel.isInsideParallelRegion)
                for index in range { buffer[index] += 1 }
            }
        }
        XCTAssertEqual(seen, [Int](repeating: 1, count: 1000))
        XCTAssertFalse(Parallel.isInsideParallelRegion)
    }

    func testSmallRangesAndNestedLoopsRunSeriallyOnTheCaller() {
        var calls = 0
        Parallel.parallelFor(0..<10, minimumChunk: 100) { range in
            calls += 1
            XCTAssertEqual(range, 0..<10)
            XCTAssertFalse(Parallel.isInsideParallelRegion)
        }
        XCTAssertEqual(calls, 1)
    }

    func testResultsDoNotDependOnTheThreadCount() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        var rng = RandomGenerator(seed: 5)
        let x = Tensor.normal([64, 1024], using: &rng)
        Parallel.threadCount = 1
        let serial = ((x * 2).exp().sum(axes: [1]), x.matmul(x.transposed()))
        Parallel.threadCount = 2
        let parallel = ((x * 2).exp().sum(axes: [1]), x.matmul(x.transposed()))
        XCTAssertEqual(serial.0.scalars, parallel.0.scalars)
        assertClose(serial.1.scalars, parallel.1.scalars, rtol: 1e-5, atol: 1e-4)
    }
}

extension ParallelTests {
    func testWorkersInheritTheCallersGradMode() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = 2
        var modes = [Bool](repeating: true, count: 2)
        modes.withUnsafeMutableBufferPointer { buffer in
            Tensor.withoutGrad {
                Parallel.parallelFor(0..<2) { range in
                    for index in range { buffer[index] = Tensor.isGradEnabled }
                }
            }
        }
        XCTAssertEqual(modes, [false, false])
    }
}
