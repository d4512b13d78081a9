import CMPI
import Foundation
import Synchronization

/// The processes of an MPI job (`MPI_COMM_WORLD`): rank, size and the collectives GenreKit needs.
///
/// `ProcessGroup.launched()` initialises MPI once, and only when the process was started by `mpirun` (Open
/// MPI's `OMPI_COMM_WORLD_SIZE`, or PMIx/PMI variables of other launchers) or `GENREKIT_MPI=1` asks for it;
/// a process started alone gets nil and runs as it always has. Collectives are called from one thread
/// (`MPI_THREAD_FUNNELED`). Errors come back as `DistributedError` (the communicator's handler is
/// `MPI_ERRORS_RETURN`); `run(_:)` turns any error into `MPI_Abort` with a message, so a failing rank ends
/// the whole job instead of leaving the others waiting in a collective.
public final class ProcessGroup: Sendable {
    /// This process's index, 0 ..< `size`.
    public let rank: Int
    /// The number of processes.
    public let size: Int
    /// Whether this is rank 0, the one that writes reports and checkpoints.
    public var isPrimary: Bool { rank == 0 }

    /// The job's processes once MPI is initialised; locked while `initialized()` initialises it.
    private static let world = Mutex<ProcessGroup?>(nil)

    private init(rank: Int, size: Int) {
        self.rank = rank
        self.size = size
    }

    /// Whether `environment` says the process was started by an MPI launcher (or `GENREKIT_MPI` forces it;
    /// `GENREKIT_MPI=0` turns detection off).
    public static func isLaunchedByMPI(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
        if let forced = environment["GENREKIT_MPI"] { return forced == "1" }
        return ["OMPI_COMM_WORLD_SIZE", "PMIX_RANK", "PMI_SIZE"].contains { environment[$0] != nil }
    }

    /// The job's processes when launched by MPI (initialising MPI on the first call), else nil.
    public static func launched() throws -> ProcessGroup? {
        guard isLaunchedByMPI() else { return nil }
        return try initialized()
    }

    /// The job's processes, initialising MPI on the first call (a process started alone is a job of one).
    public static func initialized() throws -> ProcessGroup {
        try world.withLock { world in
            if let world { return world }
            var provided: Int32 = 0
            try check(MPI_Init_thread(nil, nil, Int32(MPI_THREAD_FUNNELED), &provided), "MPI_Init_thread")
            try check(MPI_Comm_set_errhandler(cmpi_comm_world(), cmpi_errors_return()), "MPI_Comm_set_errhandler")
            var rank: Int32 = 0, size: Int32 = 0
            try check(MPI_Comm_rank(cmpi_comm_world(), &rank), "MPI_Comm_rank")
            try check(MPI_Comm_size(cmpi_comm_world(), &size), "MPI_Comm_size")
            let group = ProcessGroup(rank: Int(rank), size: Int(size))
            world = group
            return group
        }
    }

    // MARK: Running a job

    /// Runs `body` on this rank; when it throws, prints `rank r/n: error` to standard error and aborts the
    /// whole job (`MPI_Abort`, exit status 1), otherwise finalises MPI after a barrier.
    public func run<Result>(_ body: () throws -> Result) -> Result {
        do {
            let result = try body()
            try barrier()
            MPI_Finalize()
            return result
        } catch {
            abort("\(error)")
        }
    }

    /// Ends every process of the job after printing `message` prefixed with this rank to standard error.
    public func abort(_ message: String, status: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("rank \(rank)/\(size): \(message); aborting the MPI job\n".utf8))
        MPI_Abort(cmpi_comm_world(), status)
        exit(status)
    }

    // MARK: Collectives

    /// Waits until every rank arrives.
    public func barrier() throws {
        try Self.check(MPI_Barrier(cmpi_comm_world()), "MPI_Barrier")
    }

    /// Replaces `buffer` on every rank by the element-wise sum over the ranks (`MPI_Allreduce`, in place).
    public func allreduceSum(_ buffer: UnsafeMutableBufferPointer<Float>) throws {
        try Self.check(MPI_Allreduce(cmpi_in_place(), buffer.baseAddress, Int32(buffer.count), cmpi_float(), cmpi_sum(),
                                     cmpi_comm_world()), "MPI_Allreduce")
    }

    /// The element-wise sums of `values` over the ranks (in double precision).
    public func allreduceSum(_ values: [Double]) throws -> [Double] {
        try allreduce(values, cmpi_double(), cmpi_sum())
    }

    /// The element-wise maxima of `values` over the ranks.
    public func allreduceMax(_ values: [Int64]) throws -> [Int64] {
        try allreduce(values, cmpi_int64(), cmpi_max())
    }

    private func allreduce<Element>(_ values: [Element], _ type: MPI_Datatype, _ operation: MPI_Op) throws -> [Element] {
        var values = values
        try values.withUnsafeMutableBufferPointer { buffer in
            try Self.check(MPI_Allreduce(cmpi_in_place(), buffer.baseAddress, Int32(buffer.count), type, operation,
                                         cmpi_comm_world()), "MPI_Allreduce")
        }
        return values
    }

    /// Overwrites `buffer` on every rank with rank `root`'s (`MPI_Bcast`).
    public func broadcast(_ buffer: UnsafeMutableBufferPointer<Float>, from root: Int = 0) throws {
        try Self.check(MPI_Bcast(buffer.baseAddress, Int32(buffer.count), cmpi_float(), Int32(root), cmpi_comm_world()),
                       "MPI_Bcast")
    }

    /// Rank `root`'s `bytes` on every rank (the length first, then the bytes).
    public func broadcast(_ bytes: [UInt8], from root: Int = 0) throws -> [UInt8] {
        var length = [Int64(bytes.count)]
        try length.withUnsafeMutableBufferPointer { buffer in
            try Self.check(MPI_Bcast(buffer.baseAddress, 1, cmpi_int64(), Int32(root), cmpi_comm_world()), "MPI_Bcast")
        }
        var result = rank == root ? bytes : [UInt8](repeating: 0, count: Int(length[0]))
        try result.withUnsafeMutableBufferPointer { buffer in
            try Self.check(MPI_Bcast(buffer.baseAddress, Int32(buffer.count), cmpi_byte(), Int32(root), cmpi_comm_world()),
                           "MPI_Bcast")
        }
        return result
    }

    /// Every rank's `bytes` in rank order on `root` (`MPI_Gatherv`); nil on the other ranks.
    public func gather(_ bytes: [UInt8], to root: Int = 0) throws -> [[UInt8]]? {
        var counts = [Int32](repeating: 0, count: size)
        var count = Int32(bytes.count)
        try Self.check(MPI_Gather(&count, 1, cmpi_int32(), &counts, 1, cmpi_int32(), Int32(root), cmpi_comm_world()),
                       "MPI_Gather")
        let offsets = counts.reduce(into: [Int32(0)]) { $0.append($0.last! + $1) }
        var received = [UInt8](repeating: 0, count: rank == root ? Int(offsets.last!) : 0)
        try bytes.withUnsafeBufferPointer { send in
            try received.withUnsafeMutableBufferPointer { receive in
                try Self.check(MPI_Gatherv(send.baseAddress, count, cmpi_byte(), receive.baseAddress, counts, offsets,
                                           cmpi_byte(), Int32(root), cmpi_comm_world()), "MPI_Gatherv")
            }
        }
        guard rank == root else { return nil }
        return (0..<size).map { Array(received[Int(offsets[$0])..<Int(offsets[$0 + 1])]) }
    }

    private static func check(_ code: Int32, _ call: String) throws {
        guard code != MPI_SUCCESS else { return }
        var text = [CChar](repeating: 0, count: Int(MPI_MAX_ERROR_STRING) + 1)
        var length: Int32 = 0
        MPI_Error_string(code, &text, &length)
        let message = String(decoding: text.prefix(Int(length)).map(UInt8.init(bitPattern:)), as: UTF8.self)
        throw DistributedError.mpi(call: call, code: code, message: message)
    }
}

extension ProcessGroup {
    /// Kernel threads per rank when the launcher placed several ranks on this node and `GENREKIT_THREADS`
    /// does not say: the node's cores divided among its ranks (`OMPI_COMM_WORLD_LOCAL_SIZE`); nil otherwise.
    public static func threadsPerLocalRank(environment: [String: String] = ProcessInfo.processInfo.environment,
                                           cores: Int = ProcessInfo.processInfo.activeProcessorCount) -> Int? {
        guard environment["GENREKIT_THREADS"] == nil, isLaunchedByMPI(environment: environment),
              let local = environment["OMPI_COMM_WORLD_LOCAL_SIZE"].flatMap(Int.init), local > 1 else { return nil }
        return max(1, cores / local)
    }

    /// Runs `body` on rank 0 first and on the other ranks once rank 0 is done (e.g. filling a shared cache
    /// that the others then read instead of computing it again).
    public func primaryFirst<Result>(_ body: () throws -> Result) throws -> Result {
        if isPrimary {
            let result = try body()
            try barrier()
            return result
        }
        try barrier()
        return try body()
    }
}
