import Foundation

extension LabelledCollection {
    /// A folder per label: every audio file under `<root>/<label>/` (sub-folders included) is a track of
    /// `<label>`, named by its path in the label's folder without extension (`album/song`). Files whose extension
    /// is not an audio format (`audioExtensions`) and hidden files and folders are ignored; audio files that
    /// cannot be decoded are skipped and reported. No artist ids are known.
    /// - Parameters:
    ///   - root: the folder holding one folder per label.
    ///   - labels: the label folders to keep (nil: all).
    /// - Throws: `GTZANError.layoutNotFound` when no label folder holds an audio file; `unknownLabel`.
    public init(folders root: URL, labels: [Genre]? = nil) throws {
        let manager = FileManager.default
        let folders = ((try? manager.contentsOfDirectory(atPath: root.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
            .map { root.appendingPathComponent($0, isDirectory: true) }.filter(Self.isDirectory)
        let candidates = folders.flatMap { folder in
            Self.audioFiles(under: folder).map { relative in
                Candidate(id: TrackID(genre: Genre(folder.lastPathComponent), name: (relative as NSString).deletingPathExtension),
                          url: folder.appendingPathComponent(relative), artist: nil)
            }
        }
        guard !candidates.isEmpty else {
            throw GTZANError.layoutNotFound(root, reason: "not GTZAN, not FMA (no fma_metadata/tracks.csv under or beside it), "
                                            + "and no <label>/<audio file> in it (\(folders.count) sub-folder(s))")
        }
        try self.init(source: .folders, root: root, candidates: candidates, skipped: [], artistSource: "none",
                      officialSplit: nil, notes: [], labels: labels)
    }

    /// The paths, relative to `folder` and sorted, of its audio files at any depth, hidden ones left out.
    private static func audioFiles(under folder: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil,
                                                               options: [.skipsHiddenFiles]) else { return [] }
        let base = folder.standardizedFileURL.path + "/"
        return enumerator.compactMap { item -> String? in
            guard let url = item as? URL, audioExtensions.contains(url.pathExtension.lowercased()), !isDirectory(url) else {
                return nil
            }
            let path = url.standardizedFileURL.path
            return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : url.lastPathComponent
        }.sorted()
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
