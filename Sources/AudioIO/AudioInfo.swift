/// What a file's header says, read without decoding samples (`AudioFile.info`).
public struct AudioInfo: Equatable, Sendable {
    /// Frames (samples per channel) in the file; an upper bound estimated by the decoder when
    /// `lengthIsEstimate` (reading then ends where the decoded stream ends). A stream whose header states
    /// no length (a FLAC written to a pipe) is decoded once when opened to count them.
    public var frames: Int
    /// Native frames per second.
    public var sampleRate: Double
    /// Samples per frame.
    public var channels: Int
    /// Container, named as `soundfile` names it: `"WAV"`, `"AU"`, `"AIFF"`, `"FLAC"`, `"OGG"`, ...
    public var format: String
    /// Encoding, named as `soundfile` names it: `"PCM_16"`, `"PCM_24"`, `"FLOAT"`, `"VORBIS"`, ...
    public var subtype: String
    /// True when `frames` is the decoder's estimate, not a count the header states exactly: MP3, whose
    /// length libsndfile infers from the bit rate and the file size (a file without a Xing/Info frame, or
    /// with tags, decodes to fewer frames). Exact lengths (WAV, AIFF, AU, FLAC, Ogg) are checked against
    /// the data, and a file holding fewer frames is reported as `truncated`.
    public var lengthIsEstimate: Bool

    /// Describes a file of `frames` frames at `sampleRate` Hz in `format`/`subtype` (soundfile's names).
    public init(frames: Int, sampleRate: Double, channels: Int, format: String, subtype: String,
                lengthIsEstimate: Bool = false) {
        self.frames = frames
        self.sampleRate = sampleRate
        self.channels = channels
        self.format = format
        self.subtype = subtype
        self.lengthIsEstimate = lengthIsEstimate
    }

    /// Length in seconds (estimated when `lengthIsEstimate`).
    public var duration: Double { Double(frames) / sampleRate }
}
