import Foundation
import NN
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A report folder written atomically: a run writes into `.<name>.partial` beside the destination, which
/// replaces the destination in one exchange of names when the run ends. A kill at any moment leaves the
/// previous complete folder and, beside it, a partial one that `train --resume` continues; never a folder
/// that mixes the files of two runs.
struct RunFolder {
    /// Where the finished run goes (`--out`).
    let destination: URL
    /// Where the run writes meanwhile.
    let staging: URL

    /// Files that mark a folder as a GenreKit report, which a new run may replace.
    private static let reportMarkers = ["configuration.json", "results.md", "metrics.json"]

    /// Prepares the staging folder of `destination`: kept when `resume` (it must then exist), otherwise
    /// emptied. Refuses a destination that holds files but is no report folder (`--out ~` must not be replaced).
    init(destination: URL, resume: Bool) throws {
        self.destination = destination.standardizedFileURL
        staging = Self.staging(of: destination)
        let manager = FileManager.default
        if let contents = try? manager.contentsOfDirectory(atPath: self.destination.path), !contents.isEmpty,
           !Self.reportMarkers.contains(where: contents.contains) {
            throw ExperimentError.invalidOption("--out", "\(self.destination.path) holds files but no report "
                                                + "(configuration.json, results.md); refusing to replace it")
        }
        if resume {
            guard manager.fileExists(atPath: staging.path) else {
                throw ExperimentError.invalidOption("--resume", "no interrupted run to continue: \(staging.path) does not exist")
            }
        } else {
            try? manager.removeItem(at: staging)
        }
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw ExperimentError.unusableFile(staging, "cannot create the report folder: " + AtomicFile.reason(for: error))
        }
    }

    /// The staging folder of `destination`, `.<name>.partial` beside it.
    static func staging(of destination: URL) -> URL {
        let destination = destination.standardizedFileURL
        return destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).partial", isDirectory: true)
    }

    /// Puts the staging folder in the destination's place and removes the previous run's folder.
    func commit() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: destination.path) else {
            return try move(staging, to: destination)
        }
        if Self.exchange(staging.path, destination.path) {
            try? manager.removeItem(at: staging)  // now the previous run
            return
        }
        // No atomic exchange on this file system: move the old folder aside first.
        let aside = staging.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).replaced", isDirectory: true)
        try? manager.removeItem(at: aside)
        try move(destination, to: aside)
        try move(staging, to: destination)
        try? manager.removeItem(at: aside)
    }

    private func move(_ source: URL, to target: URL) throws {
        guard rename(source.path, target.path) == 0 else {
            throw ExperimentError.unusableFile(target, "cannot move the finished run into place: \(String(cString: strerror(errno)))")
        }
    }

    /// `renameat2(RENAME_EXCHANGE)`: swaps two paths atomically (Linux ≥ 3.15; looked up at run time,
    /// as Swift's Glibc module does not declare it). False when unavailable.
    private static func exchange(_ first: String, _ second: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
