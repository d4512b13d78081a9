import Foundation

/// Locations of test data: committed fixtures and the optional shared GTZAN kit.
public enum Fixtures {
    /// `Tests/Fixtures` in the source tree.
    public static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures", isDirectory: true)

    /// A file under `Tests/Fixtures`.
    public static func url(_ relativePath: String) -> URL {
        directory.appendingPathComponent(relativePath)
    }

    /// The repository root.
    public static let repositoryRoot: URL = directory
        .deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/gtzan-mini` beside the checkout, or `GENREKIT_SHARED_KIT`; nil when absent.
    public static var sharedKit: URL? {
        let candidate: URL
        if let env = ProcessInfo.processInfo.environment["GENREKIT_SHARED_KIT"] {
            candidate = URL(fileURLWithPath: env, isDirectory: true)
        } else {
            candidate = repositoryRoot.deletingLastPathComponent()
                .appendingPathComponent("shared/gtzan-mini", isDirectory: true)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory),
              isDirectory.boolValue else { return nil }
        return candidate
    }

    /// `../shared/gtzan-real` beside the checkout (999 Kaggle images, 168 FLAC excerpts of four genres, the
    /// artist-filtered folds), or `GENREKIT_SHARED_REAL`; nil when absent.
    public static var sharedRealData: URL? {
        let environment = ProcessInfo.processInfo.environment["GENREKIT_SHARED_REAL"]
        let candidate = environment.map { URL(fileURLWithPath: $0, isDirectory: true) }
            ?? repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/gtzan-real", isDirectory: true)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return candidate
    }

    /// A fresh temporary directory, removed with everything in it when the test process exits (tests may
    /// remove it earlier); suites share such folders through `static let`s, so no single test can own them.
    public static func temporaryDirectory(_ label: String = "genrekit") throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("\(label)-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        TemporaryDirectories.shared.add(url)
        return url
    }
}

/// The folders `Fixtures.temporaryDirectory` made, removed by an `atexit` handler (XCTest ends with `exit`).
private final class TemporaryDirectories: @unchecked Sendable {
    static let shared = TemporaryDirectories()
    private let lock = NSLock()
    private var urls: [URL] = []

    private init() {
        atexit { TemporaryDirectories.shared.removeAll() }
    }

    func add(_ url: URL) {
        lock.lock()
        urls.append(url)
        lock.unlock()
    }

    func removeAll() {
        lock.lock()
        let all = urls
        urls = []
        lock.unlock()
        for url in all { try? FileManager.default.removeItem(at: url) }
    }
}
