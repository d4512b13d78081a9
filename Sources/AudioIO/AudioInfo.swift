/// What a file's header says, read without decoding samples (`AudioFile.info`).
public struct AudioInfo: Equatable, Sendable {
    /// Frames (samples per channel) in the file.
    public var frames: Int
    /// Native frames per second.
    public var sampleRate: Double
    /// Samples per frame.
    public var channels: Int
    /// Container, named as `soundfile` names it: `"WAV"`, `"AU"`, `"AIFF"`, `"FLAC"`, `"OGG"`, ...
    public var format: String
    /// Encoding, named as `soundfile` names it: `"PCM_16"`, `"PCM_24"`, `"FLOAT"`, `"VORBIS"`, ...
    public var subtype: String

    /// Describes a file of `frames` frames at `sampleRate` Hz in `format`/`subtype` (soundfile's names).
    public init(frames: Int, sampleRate: Double, channels: Int, format: String, subtype: String) {
        self.frames = frames
        self.sampleRate = sampleRate
        self.channels = channels
        self.format = format
        self.subtype = subtype
    }

    /// Length in seconds.
    public var duration: Double { Double(frames) / sampleRate }
}
