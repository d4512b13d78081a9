import Foundation

/// The audio files named on the command line: files as given, folders searched recursively,
/// sorted by path within each folder.
enum TrackList {
    static let audioExtensions: Set<String> = ["au", "snd", "wav", "flac", "ogg", "aif", "aiff", "mp3"]

    /// Files to process, and inputs that do not exist.
    static func collect(_ inputs: [String]) -> (files: [URL], missing: [String]) {
        var files: [URL] = []
        var missing: [String] = []
        for input in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
                missing.append(input)
                continue
            }
            let url = URL(fileURLWithPath: input)
            guard isDirectory.boolValue else {
                files.append(url)
                continue
            }
            let found = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil,
                                                       options: [.skipsHiddenFiles])?
                .compactMap { $0 as? URL }
                .filter { audioExtensions.contains($0.pathExtension.lowercased()) } ?? []
            files += found.sorted { $0.path < $1.path }
        }
        return (files, missing)
    }

    /// The genre label: the first dot-separated part of a GTZAN-style name (`blues.00000.au`),
    /// otherwise the name of the containing folder.
    static func label(of url: URL) -> String {
        let parts = url.lastPathComponent.split(separator: ".")
        return parts.count >= 3 ? String(parts[0]) : url.deletingLastPathComponent().lastPathComponent
    }

    /// The `filename` stem: the name without its extension, as the Kaggle tables write it (with `.wav`)
    /// for every GTZAN format.
    static func stem(of url: URL) -> String {
        url.deletingPathExtension().lastPathComponent
    }
}
