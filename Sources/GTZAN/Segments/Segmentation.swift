/// Fixed-length, optionally overlapping segments of tracks.
///
/// A track of `n` frames at `sampleRate` gives `⌊(n − length) / hop⌋ + 1` segments
/// (`length = round(seconds · rate)`, `hop = round(length · (1 − overlap))`), starting at frame
/// `i · hop`; a trailing partial segment is dropped. A 30 s GTZAN track gives 19 segments of 3 s with
/// 50 % overlap and 10 without.
public struct Segmentation: Hashable, Sendable, Codable {
    public let seconds: Double
    /// Fraction of a segment shared with the next one, in `[0, 1)`.
    public let overlap: Double
    public let sampleRate: Double

    /// - Throws: `GTZANError.invalidParameter` for a non-positive length or an overlap outside `[0, 1)`.
    public init(seconds: Double, overlap: Double = 0, sampleRate: Double = 22050) throws {
        guard seconds.isFinite, seconds > 0 else {
            throw GTZANError.invalidParameter("segment seconds", reason: "\(seconds) must be positive")
        }
        guard overlap >= 0, overlap < 1 else {
            throw GTZANError.invalidParameter("segment overlap", reason: "\(overlap) must be in [0, 1)")
        }
        guard sampleRate > 0 else { throw GTZANError.invalidParameter("sampleRate", reason: "\(sampleRate) must be positive") }
        self.seconds = seconds
        self.overlap = overlap
        self.sampleRate = sampleRate
    }

    /// 3 s with 50 % overlap: 19 segments per 30 s track (the SE-CNN setup).
    public static let threeSecondsHalfOverlap = try! Segmentation(seconds: 3, overlap: 0.5)
    /// 3 s without overlap: 10 segments per 30 s track (the MFCC CNN setup).
    public static let threeSeconds = try! Segmentation(seconds: 3)

    /// Frames per segment.
    public var length: Int { Int((seconds * sampleRate).rounded()) }
    /// Frames between segment starts.
    public var hop: Int { max(1, Int((Double(length) * (1 - overlap)).rounded())) }

    /// The number of whole segments in `frames` frames.
    public func count(frames: Int) -> Int {
        frames < length ? 0 : (frames - length) / hop + 1
    }

    /// The frame ranges of the segments of a signal of `frames` frames (for audio outside a dataset,
    /// e.g. files to classify).
    public func ranges(frames: Int) -> [Range<Int>] {
        (0..<count(frames: frames)).map { $0 * hop..<$0 * hop + length }
    }

    /// The segments of `track` (decoded at `sampleRate`).
    public func segments(of track: Track) -> [Segment] {
        ranges(frames: track.frames(atRate: sampleRate)).enumerated().map {
            Segment(track: track, index: $0.offset, start: $0.element.lowerBound, length: length)
        }
    }

    /// The segments of every track, track by track.
    public func segments(of tracks: [Track]) -> [Segment] {
        tracks.flatMap(segments(of:))
    }
}

/// One piece of a track; it remembers its track for file-wise aggregation.
public struct Segment: TrackItem, Hashable, Sendable {
    public let track: Track
    /// Position among the track's segments.
    public let index: Int
    /// First frame, at the segmentation's sample rate.
    public let start: Int
    /// Frames.
    public let length: Int

    public var trackID: TrackID { track.id }
    public var label: Int { track.label }

    /// The segment's samples out of its track's decoded samples.
    public func slice(of samples: [Float]) -> ArraySlice<Float> {
        samples[start..<min(samples.count, start + length)]
    }
}
