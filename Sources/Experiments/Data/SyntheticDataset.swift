import Foundation
import GTZAN
import SyntheticGTZAN

/// The synthetic GTZAN used when no `--data` is given: generated once per parameter set into a cache
/// folder (`<cache>/synthetic-gtzan-t<tracks>-s<seconds>-seed<seed>`) and reused afterwards.
public struct SyntheticDataset: Sendable {
    public var tracksPerGenre: Int
    public var seconds: Double
    public var seed: UInt64

    /// Track lengths the command line accepts: a 3 s segment at least, `SyntheticGTZAN`'s limit at most.
    public static let secondsRange: ClosedRange<Double> = 3...3600

    public init(tracksPerGenre: Int, seconds: Double, seed: UInt64) {
        self.tracksPerGenre = tracksPerGenre
        self.seconds = seconds
        self.seed = seed
    }

    /// The folder name encoding every parameter.
    public var folderName: String {
        let length = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        return "synthetic-gtzan-t\(tracksPerGenre)-s\(length)-seed\(seed)"
    }

    /// The default cache folder: `$XDG_CACHE_HOME/genrekit` when set, else `.cache` in the current directory.
    public static var defaultCacheDirectory: URL {
        if let xdg = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("genrekit", isDirectory: true)
        }
        return URL(fileURLWithPath: ".cache", isDirectory: true).standardizedFileURL
    }

    /// The dataset's root under `cacheDirectory`, generating it first when absent.
    /// Generation writes into a temporary sibling folder and renames it, so an interrupted run never leaves
    /// a half-written dataset behind: a failed generation removes its folder, and the next one removes the
    /// folders of killed generations (whose process is gone).
    /// - Returns: the root and whether it was generated now.
    public func root(in cacheDirectory: URL) throws -> (url: URL, generated: Bool) {
        let root = cacheDirectory.appendingPathComponent(folderName, isDirectory: true)
        if FileManager.default.fileExists(atPath: root.path) { return (root, false) }
        StagingFolder.removeAbandoned(in: cacheDirectory)
        let staging = StagingFolder.url(for: folderName, in: cacheDirectory)
        try? FileManager.default.removeItem(at: staging)
        do {
            try SyntheticGTZAN.write(to: staging, tracksPerGenre: tracksPerGenre, seconds: seconds, seed: seed)
        } catch {
            try? FileManager.default.removeItem(at: staging)
            throw error
        }
        do {
            try FileManager.default.moveItem(at: staging, to: root)
        } catch where FileManager.default.fileExists(atPath: root.path) {
            try? FileManager.default.removeItem(at: staging)  // another process generated it concurrently
        }
        return (root, true)
    }
}
