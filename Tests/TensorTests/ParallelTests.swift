import ConcurrencySupport
import Synchronization
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
            let buffer = SharedPointer(buffer)
            Parallel.parallelFor(0..<1000, minimumChunk: 10) { range in
                XCTAssertTrue(Parallel.isInsideParallelRegion)
                for index in range { buffer[index] += 1 }
            }
        }
        XCTAssertEqual(seen, [Int](repeating: 1, count: 1000))
        XCTAssertFalse(Parallel.isInsideParallelRegion)
    }

    func testSmallRangesAndNestedLoopsRunSeriallyOnTheCaller() {
        let calls = Mutex(0)
        Parallel.parallelFor(0..<10, minimumChunk: 100) { range in
            calls.withLock { $0 += 1 }
            XCTAssertEqual(range, 0..<10)
            XCTAssertFalse(Parallel.isInsideParallelRegion)
        }
        XCTAssertEqual(calls.withLock { $0 }, 1)
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
    /// Thousands of back-to-back loops (workers still spinning), loops after the workers went to sleep,
    /// and loops started from four threads at once (all but one run on their own thread while another
    /// holds the workers): every index is visited exactly once, every time.
    func testBackToBackSleepingAndConcurrentLoopsEachCoverTheirRangeOnce() {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = 4
        @Sendable func sweep(_ count: Int) -> Bool {
            var seen = [Int](repeating: 0, count: count)
            seen.withUnsafeMutableBufferPointer { buffer in
                let buffer = SharedPointer(buffer)
                Parallel.parallelFor(0..<count) { range in
                    for index in range { buffer[index] += 1 }
                }
            }
            return seen.allSatisfy { $0 == 1 }
        }
        XCTAssertTrue((0..<5000).allSatisfy { sweep(4 + $0 % 61) })
        for _ in 0..<3 {
            usleep(2000)
            XCTAssertTrue(sweep(97))
        }
        var failures = [Int](repeating: 0, count: 4)
        failures.withUnsafeMutableBufferPointer { buffer in
            let failures = SharedPointer(buffer)
            DispatchQueue.concurrentPerform(iterations: 4) { thread in
                failures[thread] = (0..<2000).filter { !sweep(8 + ($0 + thread) % 29) }.count
            }
        }
        XCTAssertEqual(failures, [0, 0, 0, 0])
    }
}
