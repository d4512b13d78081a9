/// Decoded audio: `Float` samples in [-1, 1], interleaved when `channels > 1`.
public struct AudioBuffer: Equatable, Sendable {
    /// Samples, frame by frame; frame `i` of channel `c` is `samples[i * channels + c]`.
    public var samples: [Float]
    /// Frames per second.
    public var sampleRate: Double
    /// Samples per frame.
    public var channels: Int

    /// Wraps `samples` (interleaved when `channels > 1`) recorded at `sampleRate` Hz.
    public init(samples: [Float], sampleRate: Double, channels: Int = 1) {
        self.samples = samples
        self.sampleRate = sampleRate
        self.channels = channels
    }

    /// Number of frames (samples per channel).
    public var frames: Int { channels > 0 ? samples.count / channels : 0 }

    /// Length in seconds.
    public var duration: Double { Double(frames) / sampleRate }
}
