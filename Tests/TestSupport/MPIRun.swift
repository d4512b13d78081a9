import Foundation

/// Launches an executable under Open MPI's `mpirun` for tests: `--oversubscribe` (more ranks than cores),
/// root allowed, one kernel thread per rank (`GENREKIT_THREADS=1`), and a time limit after which the job is
/// killed, so a hanging collective fails the test instead of the suite.
public struct MPIRun {
    /// What a job did.
    public struct Outcome {
        public let status: Int32
        /// Standard output and error of all ranks, interleaved.
        public let output: String
        public let timedOut: Bool
    }

    /// `mpirun` on `PATH`, nil when Open MPI is not installed.
    public static let launcher: URL? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        .split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("mpirun") }
        .first { FileManager.default.isExecutableFile(atPath: $0.path) }

    public let ranks: Int
    /// Seconds before the job is killed.
    public let timeout: TimeInterval

    public init(ranks: Int, timeout: TimeInterval = 120) {
        self.ranks = ranks
        self.timeout = timeout
    }

    /// Runs `executable` with `arguments` on `ranks` ranks, or as one process without `mpirun` when `alone`
    /// (same environment).
    public func run(_ executable: URL, _ arguments: [String], alone: Bool = false) throws -> Outcome {
        let process = Process()
        if alone {
            process.executableURL = executable
            process.arguments = arguments
        } else {
            guard let launcher = Self.launcher else { throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "mpirun"]) }
            process.executableURL = launcher
            process.arguments = ["--allow-run-as-root", "--oversubscribe", "--bind-to", "none", "-np", String(ranks),
                                 executable.path] + arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["GENREKIT_THREADS"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
        environment["OMPI_MCA_btl"] = "self,vader"
        process.environment = environment
        // Output goes to a file: a pipe nobody reads while waiting would block a chatty job.
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("mpirun-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        defer { try? handle.close() }
        process.standardOutput = handle
        process.standardError = handle
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        let timedOut = finished.wait(timeout: .now() + timeout) == .timedOut
        if timedOut {
            process.terminate()
            finished.wait()
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, output: output, timedOut: timedOut)
    }
}
