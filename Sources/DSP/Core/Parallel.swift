import Foundation

/// Work sharing across the cores for the frame and row loops.
enum Parallel {
    /// Calls `body(index, resource)` for every index in `0..<count`; on all cores (iterations handed
    /// out dynamically, so a descheduled thread does not hold the others back) when `worthIt`,
    /// otherwise in order on the calling thread. Each concurrently running call gets its own
    /// `resource` (scratch buffers), made by `makeResource` at most once per thread at a time.
    static func forEach<Resource>(_ count: Int, when worthIt: Bool, makeResource: () -> Resource,
                                  _ body: (Int, Resource) -> Void) {
        guard worthIt, count > 1, ProcessInfo.processInfo.activeProcessorCount > 1 else {
            let resource = makeResource()
            for index in 0..<count { body(index, resource) }
            return
        }
        let pool = Pool<Resource>()
        DispatchQueue.concurrentPerform(iterations: count) { index in
            let resource = pool.take() ?? makeResource()
            body(index, resource)
            pool.give(resource)
        }
    }

    /// ``forEach(_:when:makeResource:_:)`` without per-thread scratch.
    static func forEach(_ count: Int, when worthIt: Bool, _ body: (Int) -> Void) {
        forEach(count, when: worthIt, makeResource: {}) { index, _ in body(index) }
    }

    /// Idle scratch resources, shared by the threads of one parallel loop.
    private final class Pool<Resource>: @unchecked Sendable {
        private let lock = NSLock()
        private var idle: [Resource] = []

        func take() -> Resource? {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast()
        }

        func give(_ resource: Resource) {
            lock.lock()
            idle.append(resource)
            lock.unlock()
        }
    }
}
