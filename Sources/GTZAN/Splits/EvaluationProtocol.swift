/// What a split keeps together on one side: an artist's excerpts, a track's pieces, or nothing.
///
/// GTZAN's excerpts come in runs by one artist (blues 00000–00039 are three artists), so a split by track
/// puts an artist on both sides and overstates accuracy on music by new artists; splitting 3 s segments
/// *after* slicing also puts pieces of one song on both sides and inflates accuracy by ten points or more.
/// GenreKit splits by artist whenever artist ids are known, by track otherwise, and splits segments only
/// on request. Under `artist` and `track`, exact replicas (the same recording twice) are always kept on one
/// side. Every report names the protocol.
public enum EvaluationProtocol: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Split by artist: no artist's excerpts on two sides (nor replicas of one recording).
    case artist
    /// Split by track: all segments (or feature rows) of a track, and its replicas, fall on the same side;
    /// one artist's tracks may fall on both sides.
    case track
    /// Split after segmenting: segments of one track may fall on both sides. Reproduces leaky published
    /// protocols; its accuracies are not comparable with the others.
    case segment
    /// The collection's own split (FMA's `set.split`: training, validation, test), used as published; each
    /// track is on one side. Only for collections that have one (`LabelledCollection.officialSplit`).
    case official

    /// True for the protocol that lets one track's pieces fall on two sides.
    public var isLeaky: Bool { self == .segment }

    public var description: String {
        switch self {
        case .artist: return "artist (split by artist: no artist, track or replica on two sides)"
        case .track: return "track (split by track: no track or replica on two sides; artists may be on both)"
        case .segment: return "segment (split after segmenting: segments of one track on both sides; leaky)"
        case .official: return "official (the collection's own split, e.g. FMA's set.split; no track on two sides)"
        }
    }
}
