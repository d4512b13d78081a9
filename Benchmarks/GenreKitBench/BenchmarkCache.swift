import Foundation

/// The folder the benchmarks keep their generated inputs in between runs (as `scripts/bench/bench_cache.py`
/// does for the Python side): `$XDG_CACHE_HOME/genrekit/bench`, else `~/.cache/genrekit/bench`; never the
/// shared temporary folder.
let benchmarkCache: URL = {
    let environment = ProcessInfo.processInfo.environment
    let base = environment["XDG_CACHE_HOME"].flatMap { $0.isEmpty ? nil : URL(fileURLWithPath: $0, isDirectory: true) }
        ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache", isDirectory: true)
    return base.appendingPathComponent("genrekit/bench", isDirectory: true)
}()
