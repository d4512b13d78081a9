import AudioIO
import Foundation

/// Small collections written into a test's folder: audio tones, a folder per label, and an FMA tree with
/// `fma_metadata/tracks.csv` in the real two-header-row format.
public enum CollectionFixture {
    /// A tone of `seconds` at 8 kHz written to `path` under `root` (the container follows the extension).
    @discardableResult
    public static func writeTone(_ path: String, in root: URL, frequency: Float = 440, seconds: Double = 0.25,
                                 format: AudioFile.SampleFormat = .pcm16) throws -> URL {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let samples = (0..<Int(seconds * 8000)).map { 0.5 * sin(2 * Float.pi * frequency * Float($0) / 8000) }
        try AudioFile.write(url, samples: samples, sampleRate: 8000, format: format)
        return url
    }

    /// `<root>/<label>/<label>-<i>.wav` for every label, each label's tones at its own pitch.
    public static func writeFolders(_ labels: [String], tracksPerLabel: Int, seconds: Double, in root: URL) throws {
        for (index, label) in labels.enumerated() {
            for track in 0..<tracksPerLabel {
                try writeTone("\(label)/\(label)-\(track).wav", in: root, frequency: Float(220 * (index + 1) + 7 * track),
                              seconds: seconds)
            }
        }
    }

    /// One row of the FMA fixture: track id, `track.genre_top`, `set.subset`, `set.split`, `artist.id`.
    public typealias FMARow = (id: Int, genre: String, subset: String, split: String, artist: Int)

    /// Track 20 has no genre_top; track 99's MP3 is missing; 1482 is medium only, 3000 large only.
    public static let fmaRows: [FMARow] = [
        (2, "Hip-Hop", "small", "training", 1), (5, "Hip-Hop", "small", "validation", 1), (10, "Pop", "small", "test", 6),
        (20, "", "small", "training", 9), (99, "Pop", "small", "training", 6), (140, "Folk", "small", "test", 60),
        (1482, "Old-Time / Historic", "medium", "training", 7), (3000, "Rock", "large", "test", 8),
    ]

    /// tracks.csv as FMA ships it: a subset of the real columns, two header rows, the `track_id` row, a quoted
    /// album title holding a comma and a quoted bio holding a line break (each track takes two lines).
    public static func fmaTracksCSV(rows: [FMARow] = fmaRows) -> String {
        var lines = [",album,album,artist,artist,artist,set,set,track,track,track",
                     ",id,title,bio,id,name,split,subset,genre_top,genres,title",
                     "track_id,,,,,,,,,,"]
        for row in rows {
            lines.append("\(row.id),\(row.id / 10),\"Album, vol. \(row.id)\",\"<p>Bio of\nartist \(row.artist)</p>\",\(row.artist),"
                         + "Artist \(row.artist),\(row.split),\(row.subset),\(row.genre),\"[21, 12]\",Track \(row.id)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// An FMA copy under `root`: `fma_metadata/tracks.csv` of `fmaRows`, and MP3 tones of `seconds` at
    /// `fma_small/` (small tracks) and `fma_medium/` (small and medium ones), track 99's left out.
    public static func writeFMA(in root: URL, seconds: Double = 0.25) throws {
        let metadata = root.appendingPathComponent("fma_metadata")
        try FileManager.default.createDirectory(at: metadata, withIntermediateDirectories: true)
        try fmaTracksCSV().write(to: metadata.appendingPathComponent("tracks.csv"), atomically: true, encoding: .utf8)
        for (folder, members) in [("fma_small", ["small"]), ("fma_medium", ["small", "medium"])] {
            for row in fmaRows where members.contains(row.subset) && row.id != 99 {
                let digits = String(format: "%06d", row.id)
                try writeTone("\(folder)/\(digits.prefix(3))/\(digits).mp3", in: root, frequency: Float(200 + row.id % 500),
                              seconds: seconds, format: .mp3)
            }
        }
    }
}
