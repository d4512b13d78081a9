import AudioIO
import Foundation

/// The tracks of a GTZAN copy on disk, for the chosen genres, with labels in canonical genre order.
///
/// Every audio file's header is read (`AudioFile.info`) when the dataset is opened; files that cannot be
/// decoded (damaged, truncated, not audio) or whose names are not GTZAN names are listed in `skipped`
/// and left out — never a crash, never dropped silently: `report` states them.
public struct GTZANDataset: Sendable {
    /// Audio file extensions considered (anything libsndfile reads that GTZAN copies use).
    public static let audioExtensions: Set<String> = ["wav", "au", "snd", "flac", "aif", "aiff", "ogg"]

    public let layout: GTZANLayout
    /// The genres loaded, in canonical order; a track's `label` indexes this array.
    public let genres: [Genre]
    /// Decodable tracks, sorted by id.
    public let tracks: [Track]
    /// Files left out, with the reason, sorted by path.
    public let skipped: [SkippedFile]

    /// Opens the dataset under `root` (layout detected unless `kind` is given), keeping `genres`.
    /// - Throws: `GTZANError.layoutNotFound` when there is no layout or no track at all.
    public init(root: URL, genres: [Genre] = Genre.allCases, kind: GTZANLayout.Kind? = nil) throws {
        guard !genres.isEmpty else { throw GTZANError.invalidParameter("genres", reason: "the genre list is empty") }
        layout = try GTZANLayout(root: root, kind: kind)
        self.genres = Array(Set(genres)).sorted()
        var candidates: [URL] = []
        for genre in self.genres {
            let folder = layout.audioDirectory.appendingPathComponent(genre.name, isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            candidates += names.sorted()
                .filter { Self.audioExtensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { folder.appendingPathComponent($0) }
        }
        let probes = Self.probe(candidates, genres: self.genres)
        tracks = probes.compactMap { try? $0.get() }.sorted()
        skipped = zip(candidates, probes).compactMap { url, probe in
            if case let .failure(error) = probe { return SkippedFile(url: url, reason: "\(error)") }
            return nil
        }
        guard !tracks.isEmpty else {
            throw GTZANError.layoutNotFound(root, reason: "no decodable track of \(self.genres.map(\.name)) in "
                                            + "\(layout.audioDirectory.path) (\(skipped.count) file(s) skipped)")
        }
    }

    /// Reads each file's header in parallel.
    private static func probe(_ urls: [URL], genres: [Genre]) -> [Result<Track, Error>] {
        let results = UnsafeMutableBufferPointer<Result<Track, Error>?>.allocate(capacity: urls.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            let url = urls[index]
            results[index] = Result {
                let id = try TrackID(parsing: url.lastPathComponent, file: url)
                guard let label = genres.firstIndex(of: id.genre),
                      url.deletingLastPathComponent().lastPathComponent == id.genre.name else {
                    throw GTZANError.malformedTrackName(url.lastPathComponent, file: url)
                }
                let info = try AudioFile.info(url)
                return Track(id: id, label: label, url: url, frames: info.frames, sampleRate: info.sampleRate)
            }
        }
        return results.map { $0! }
    }

    /// Tracks per genre, in `genres` order.
    public var countsPerGenre: [Int] {
        genres.indices.map { label in tracks.lazy.filter { $0.label == label }.count }
    }

    /// The track with `id`, if loaded.
    public func track(_ id: TrackID) -> Track? {
        tracks.first { $0.id == id }
    }

    /// A human-readable summary: layout, counts per genre and every skipped file with its reason.
    public var report: String {
        var lines = ["GTZAN (\(layout.kind.rawValue) layout) at \(layout.root.path): \(tracks.count) tracks, "
                     + zip(genres, countsPerGenre).map { "\($0.name) \($1)" }.joined(separator: ", ")]
        lines.append(skipped.isEmpty ? "no file skipped" : "\(skipped.count) file(s) skipped:")
        lines += skipped.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
