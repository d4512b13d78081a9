import Foundation

/// The artist of GTZAN excerpts, read from lines `<track><TAB><artist id>`.
///
/// Reads both the `*_groups.txt` files of the artist-filtered folds (`./blues_00000.wav	0`) and plain lists
/// (`blues.00000	John Lee Hooker`): the track is any name `TrackID` parses, or a track of another collection
/// named as `split.csv` names it (`<label>.<name>`, e.g. `ambient.take-1`), the artist the rest of the line
/// after the first tab (or, without a tab, after the first run of spaces). Blank lines and lines starting with
/// `#` are ignored. A track listed twice must have the same artist each time.
public struct ArtistList: Sendable, Equatable {
    /// The artist id of each listed track.
    public let artists: [TrackID: String]
    /// The files read.
    public let files: [URL]

    /// An empty list, or one built in code.
    public init(artists: [TrackID: String] = [:], files: [URL] = []) {
        self.artists = artists
        self.files = files
    }

    /// Reads and merges `files`; a name that is one of `tracks` (as `<label>.<name>`) is that track, any other a
    /// GTZAN name.
    /// - Throws: `GTZANError.malformedFile` naming the file and line of an unreadable entry, or of a track given
    ///   two different artists.
    public init(contentsOf files: [URL], tracks: [TrackID] = []) throws {
        let known = Dictionary(tracks.map { ($0.description, $0) }, uniquingKeysWith: { first, _ in first })
        var artists: [TrackID: String] = [:]
        var origin: [TrackID: String] = [:]
        for url in files {
            for (line, entry) in try Self.entries(of: url, known: known) {
                if let known = artists[entry.track], known != entry.artist {
                    throw GTZANError.malformedFile(url, reason: "line \(line): \(entry.track) has artist '\(entry.artist)', "
                                                   + "but '\(known)' in \(origin[entry.track]!)")
                }
                artists[entry.track] = entry.artist
                origin[entry.track] = "\(url.lastPathComponent) line \(line)"
            }
        }
        self.init(artists: artists, files: files)
    }

    /// The `(line number, entry)` pairs of one file.
    private static func entries(of url: URL, known: [String: TrackID]) throws -> [(Int, (track: TrackID, artist: String))] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw GTZANError.malformedFile(url, reason: "cannot read the artist list")
        }
        return try text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { index, raw in
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty, !line.hasPrefix("#") else { return nil }
            let separator = line.firstIndex(of: "\t") ?? line.firstIndex(of: " ")
            let name = separator.map { String(line[..<$0]) } ?? line
            let artist = separator.map { line[$0...].trimmingCharacters(in: .whitespaces) } ?? ""
            guard !artist.isEmpty, let track = known[name] ?? (try? TrackID(parsing: name)) else {
                throw GTZANError.malformedFile(url, reason: "line \(index + 1): '\(line)' is not '<track><TAB><artist>'")
            }
            return (index + 1, (track, artist))
        }
    }

    /// The artist of `track`, if listed.
    public subscript(track: TrackID) -> String? { artists[track] }

    public var isEmpty: Bool { artists.isEmpty }
}
