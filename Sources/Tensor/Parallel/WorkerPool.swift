#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Persistent worker threads that run the chunks of one `parallelFor` at a time with the calling
/// thread.
///
/// `DispatchQueue.concurrentPerform` wakes a sleeping worker for every region, and on a 2-core VM a
/// woken worker starts about 45 µs late (two 25 µs chunks took 70 µs): a tax on every layer of a small
/// model. Here workers spin for `spinSeconds` after a region before they block, so back-to-back regions
/// start at once, and the caller claims chunks itself: it never waits for a worker to wake up, only for
/// chunks a worker has already started.
///
/// One job runs at a time; `run` returns false (and does nothing) when another thread's job is in flight,
/// and the caller then runs its loop serially.
// @unchecked: `body` is written only by the thread holding `busy`, before the ticket that publishes it (release/acquire).
final class WorkerPool: @unchecked Sendable {
    /// How long an idle worker keeps polling for the next job before it blocks.
    static let spinSeconds = 100e-6

    /// `generation << 32 | next chunk`: the current job and the next chunk to claim, as one word so a
    /// claim can never mix jobs.
    private let ticket = Atomic<Int>(0)
    /// Chunks of the current job not yet finished.
    private let remaining = Atomic<Int>(0)
    /// Whether a job is in flight.
    private let busy = Atomic<Bool>(false)
    /// The current job; written before its ticket is published, read only by holders of a claim.
    private var body: (@Sendable (Int) -> Void)?
    /// Chunks of the current job.
    private let chunkCount = Atomic<Int>(0)
    /// Guards blocking waits for the next job.
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let wakeUp = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    /// Starts `workerCount` threads, which live as long as the process.
    init(workerCount: Int) {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wakeUp, nil)
        for _ in 0..<workerCount {
            let unmanaged = Unmanaged.passRetained(self)
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { context in
                Unmanaged<WorkerPool>.fromOpaque(context!).takeRetainedValue().work()
            }, unmanaged.toOpaque())
            precondition(status == 0, "WorkerPool: pthread_create failed (\(status))")
            pthread_detach(thread)
        }
    }

    /// Runs `body(0..<chunks)` across the workers and the calling thread and returns when all are done;
    /// false when another job is in flight (nothing ran).
    func run(chunks: Int, _ body: @Sendable (Int) -> Void) -> Bool {
        guard busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else { return false }
        withoutActuallyEscaping(body) { body in
            self.body = body
            chunkCount.store(chunks, ordering: .relaxed)
            remaining.store(chunks, ordering: .relaxed)
            let generation = (ticket.load(ordering: .relaxed) >> 32) + 1
            ticket.store(generation << 32, ordering: .releasing)
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(wakeUp)
            pthread_mutex_unlock(mutex)
            claimChunks(of: generation)
            while remaining.load(ordering: .acquiring) > 0 {}
            self.body = nil
        }
        busy.store(false, ordering: .releasing)
        return true
    }

    /// Runs chunks of job `generation` until none is left to claim.
    private func claimChunks(of generation: Int) {
        var current = ticket.load(ordering: .acquiring)
        while current >> 32 == generation, current & 0xFFFF_FFFF < chunkCount.load(ordering: .relaxed) {
            let (exchanged, original) = ticket.compareExchange(expected: current, desired: current + 1,
                                                               ordering: .acquiringAndReleasing)
            if exchanged {
                body!(current & 0xFFFF_FFFF)
                remaining.subtract(1, ordering: .releasing)
                current += 1
            } else {
                current = original
            }
        }
    }

    /// A worker's loop: wait for a new job (spinning, then blocked), help with it, repeat.
    private func work() -> Never {
        var seen = 0
        while true {
            let generation = waitForJob(after: seen)
            claimChunks(of: generation)
            seen = generation
        }
    }

    /// The generation of the first job after `seen`: polled for `spinSeconds`, then waited for.
    private func waitForJob(after seen: Int) -> Int {
        let deadline = Self.now() + Self.spinSeconds
        var polls = 0
        while true {
            let generation = ticket.load(ordering: .acquiring) >> 32
            if generation != seen { return generation }
            polls += 1
            if polls & 63 == 0, Self.now() > deadline { break }
        }
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while ticket.load(ordering: .acquiring) >> 32 == seen { pthread_cond_wait(wakeUp, mutex) }
        return ticket.load(ordering: .acquiring) >> 32
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
