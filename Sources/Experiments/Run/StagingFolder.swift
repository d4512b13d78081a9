import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders written under a temporary name beside their destination and renamed into place when complete
/// (`.<name>.staging-<pid>`), so a kill at any moment leaves the old folder or the new one, never a mix.
///
/// The process id in the name tells abandoned folders (their process is gone) from those being written.
public enum StagingFolder {
    private static let marker = ".staging-"

    /// The staging folder of this process for `name` in `parent`.
    public static func url(for name: String, in parent: URL) -> URL {
        parent.appendingPathComponent(".\(name)\(marker)\(ProcessInfo.processInfo.processIdentifier)", isDirectory: true)
    }

    /// Removes the staging folders in `parent` whose process no longer runs. Returns the removed folders.
    @discardableResult
    public static func removeAbandoned(in parent: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []
        return names.compactMap { name -> URL? in
            guard name.hasPrefix("."), let range = name.range(of: marker, options: .backwards),
                  let pid = Int32(name[range.upperBound...]), !isRunning(pid) else { return nil }
            let url = parent.appendingPathComponent(name, isDirectory: true)
            return (try? FileManager.default.removeItem(at: url)) == nil ? nil : url
        }
    }

    /// Whether a process with id `pid` exists (signal 0 checks without sending anything).
    private static func isRunning(_ pid: Int32) -> Bool {
        pid > 0 && (kill(pid, 0) == 0 || errno == EPERM)
    }
}
