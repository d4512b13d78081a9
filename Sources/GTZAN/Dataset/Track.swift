import Foundation

/// Anything that belongs to one GTZAN track and carries its class label: tracks, segments, feature rows.
/// Splits group items by `trackID` so that no track ends up on both sides.
public protocol TrackItem {
    var trackID: TrackID { get }
    /// Index of the genre in the dataset's genre list.
    var label: Int { get }
}

/// One decodable audio file of a collection: its path, its label and, when known, its artist.
public struct Track: TrackItem, Hashable, Comparable, Sendable {
    /// `blues.00000` and friends: the label and a name unique within it.
    public let id: TrackID
    /// Index of `genre` in the collection's label list (name order).
    public let label: Int
    /// The audio file.
    public let url: URL
    /// Frames in the file at its native rate, from the header.
    public let frames: Int
    /// The file's native sample rate in Hz.
    public let sampleRate: Double
    /// The artist id the collection gives (FMA's `artist.id`, a table's `artist` column); nil when unknown.
    public let artist: String?

    public init(id: TrackID, label: Int, url: URL, frames: Int, sampleRate: Double, artist: String? = nil) {
        self.id = id
        self.label = label
        self.url = url
        self.frames = frames
        self.sampleRate = sampleRate
        self.artist = artist
    }

    public var trackID: TrackID { id }
    public var genre: Genre { id.genre }

    /// The same track with another label (its index in another genre list).
    public func labelled(_ label: Int) -> Track {
        Track(id: id, label: label, url: url, frames: frames, sampleRate: sampleRate, artist: artist)
    }

    /// Frames after decoding at `rate` Hz (`ceil(frames · rate / native)`, as `AudioFile.read` resamples).
    public func frames(atRate rate: Double) -> Int {
        rate == sampleRate ? frames : Int((Double(frames) * rate / sampleRate).rounded(.up))
    }

    public static func < (lhs: Track, rhs: Track) -> Bool { lhs.id < rhs.id }
}

/// A file that was found but left out of a dataset, with the reason.
public struct SkippedFile: Hashable, Sendable, CustomStringConvertible {
    public let url: URL
    public let reason: String

    public var description: String { "\(url.lastPathComponent): \(reason)" }
}
