import ConcurrencySupport
import XCTest
import Tensor
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `Tensor.withoutGrad` is task-local: nested scopes, child tasks, `await`s, detached tasks, worker threads.
final class GradModeTests: XCTestCase {
    /// A leaf that requires a gradient: ops on it record a graph exactly when grad mode is on.
    private func leaf() -> Tensor {
        var x = Tensor.ones([3])
        x.requiresGrad = true
        return x
    }

    func testNestedScopesRestoreTheOuterMode() {
        let x = leaf()
        XCTAssertTrue(Tensor.isGradEnabled)
        Tensor.withoutGrad {
            Tensor.withoutGrad { XCTAssertFalse((x * 2).requiresGrad) }
            XCTAssertFalse(Tensor.isGradEnabled, "leaving the inner scope must not re-enable the outer one")
            XCTAssertFalse((x * 2).requiresGrad)
        }
        XCTAssertTrue(Tensor.isGradEnabled)
        XCTAssertTrue((x * 2).requiresGrad)
    }

    func testAScopeEndsWhenItsBodyThrows() {
        struct Failure: Error {}
        XCTAssertThrowsError(try Tensor.withoutGrad { throw Failure() })
        XCTAssertTrue(Tensor.isGradEnabled)
    }

    func testChildTasksInheritTheMode() async {
        let x = leaf()
        let (first, second, grouped) = await Tensor.withoutGrad {
            async let first = Tensor.isGradEnabled
            async let second = (x * 2).requiresGrad
            let grouped = await withTaskGroup(of: Bool.self) { group in
                for _ in 0..<4 { group.addTask { Tensor.isGradEnabled || (x * 2).requiresGrad } }
                return await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            return await (first, second, grouped)
        }
        XCTAssertFalse(first)
        XCTAssertFalse(second)
        XCTAssertEqual(grouped, [false, false, false, false])
        async let outside = Tensor.isGradEnabled
        let enabled = await outside
        XCTAssertTrue(enabled)
    }

    func testADetachedTaskRecordsGraphs() async {
        let x = leaf()
        let detached = await Tensor.withoutGrad {
            await Task.detached { Tensor.isGradEnabled && (x * 2).requiresGrad }.value
        }
        XCTAssertTrue(detached)
    }

    func testTheAsyncScopeHoldsAcrossAwaits() async throws {
        let x = leaf()
        let recorded = try await Tensor.withoutGrad {
            var recorded: [Bool] = []
            for _ in 0..<3 {
                await Task.yield()
                try await Task.sleep(nanoseconds: 1_000_000)
                recorded.append(Tensor.isGradEnabled || (x * 2).requiresGrad)
            }
            return recorded
        }
        XCTAssertEqual(recorded, [false, false, false])
        XCTAssertTrue(Tensor.isGradEnabled)
        XCTAssertTrue((x * 2).requiresGrad)
    }

    /// Each chunk records its thread and grad mode; chunks sleep so that the worker claims one.
    private func chunkModes() -> (modes: [Bool], onWorker: Bool) {
        var modes = [Bool](repeating: !Tensor.isGradEnabled, count: 2)
        var threads = [pthread_t](repeating: pthread_self(), count: 2)
        modes.withUnsafeMutableBufferPointer { modes in
            threads.withUnsafeMutableBufferPointer { threads in
                let (modes, threads) = (SharedPointer(modes), SharedPointer(threads))
                Parallel.parallelFor(0..<2) { range in
                    usleep(5_000)
                    for index in range { (modes[index], threads[index]) = (Tensor.isGradEnabled, pthread_self()) }
                }
            }
        }
        return (modes, threads.contains { pthread_equal($0, pthread_self()) == 0 })
    }

    /// The caller's mode in every chunk of a loop, whether the caller is a thread or a task, including chunks
    /// run on a worker thread (tried until one is: a busy machine may let the caller take both chunks).
    func testParallelForChunksSeeTheCallersMode() async {
        let saved = Parallel.threadCount
        defer { Parallel.threadCount = saved }
        Parallel.threadCount = 2
        var workerRan = false
        for _ in 0..<20 where !workerRan {
            let disabled = Tensor.withoutGrad { chunkModes() }
            let disabledInTask = await Tensor.withoutGrad { await Task.yield(); return chunkModes() }
            let enabled = chunkModes()
            XCTAssertEqual(disabled.modes, [false, false])
            XCTAssertEqual(disabledInTask.modes, [false, false])
            XCTAssertEqual(enabled.modes, [true, true], "a worker kept the mode of an earlier loop")
            workerRan = disabled.onWorker && disabledInTask.onWorker && enabled.onWorker
        }
        XCTAssertTrue(workerRan, "no loop ran a chunk on a worker thread")
    }
}
