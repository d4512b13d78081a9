import ConcurrencySupport
import Foundation

/// Reading, writing and resampling audio files through libsndfile and libsoxr.
///
/// `read` mirrors `librosa.load`: mono mixdown by channel mean, resampling with libsoxr's high
/// quality (`soxr_hq`) to 22050 Hz by default, `offset`/`duration` windows in seconds. Formats are
/// those of libsndfile: WAV (PCM 8/16/24/32, float), AIFF, Sun AU, FLAC, Ogg Vorbis and more.
/// All failures are `AudioIOError`s naming the file.
public enum AudioFile {
    /// Containers the linked libsndfile supports, named as in `AudioInfo.format` (e.g. `"FLAC"`, `"OGG"`).
    public static var availableFormats: [String] { FormatNames.available() }

    /// The header of `url`: frames, native rate, channels, container and encoding; no samples are decoded.
    public static func info(_ url: URL) throws -> AudioInfo {
        try SoundFile(reading: url).audioInfo
    }

    /// Decodes `url` into `Float` samples in [-1, 1], as `librosa.load` does.
    ///
    /// - Parameters:
    ///   - url: the audio file, any format libsndfile decodes.
    ///   - sampleRate: target rate in Hz (resampled with libsoxr `soxr_hq`); nil keeps the native rate.
    ///   - mono: average the channels into one.
    ///   - offset: seconds to skip; decoding starts at frame `Int(offset * nativeRate)` (seeked, not decoded).
    ///   - duration: seconds to decode (`Int(duration * nativeRate)` frames), nil for up to the end.
    /// - Returns: the samples (interleaved when not mono) and their rate. A resampled result has
    ///   `ceil(frames * sampleRate / nativeRate)` frames, as in librosa. Where the header's length is an
    ///   estimate (`AudioInfo.lengthIsEstimate`, MP3), `frames` is what the stream decodes to.
    /// - Throws: `AudioIOError` — never returns an empty buffer.
    public static func read(_ url: URL, sampleRate: Double? = 22050, mono: Bool = true,
                            offset: Double = 0, duration: Double? = nil) throws -> AudioBuffer {
        if let sampleRate, !(sampleRate.isFinite && sampleRate > 0) {
            throw AudioIOError.invalidArgument(path: url.path, message: "sample rate \(sampleRate) Hz must be positive")
        }
        let reader = try FrameReader(url, mono: mono, offset: offset, duration: duration)
        let channels = reader.outputChannels
        let nativeRate = reader.file.sampleRate
        guard let sampleRate, sampleRate != nativeRate else {
            let samples = try [Float](unsafeUninitializedCapacity: reader.frames * channels) { buffer, initialized in
                initialized = try reader.readAll(into: buffer.baseAddress!) * channels
            }
            try reader.checkDecodedSomething()
            return AudioBuffer(samples: samples, sampleRate: nativeRate, channels: channels)
        }
        // A length known only at the end of the stream cannot be planned: one resampling stream instead.
        guard !reader.file.lengthIsEstimate else {
            var samples: [Float] = []
            samples.reserveCapacity(Resampler.outputFrames(for: reader.frames, from: nativeRate, to: sampleRate) * channels)
            try AudioBlocks(reader: reader, blockFrames: FrameReader.blockFrames, sampleRate: sampleRate).forEach {
                samples += $0.samples
            }
            return AudioBuffer(samples: samples, sampleRate: sampleRate, channels: channels)
        }
        // Each segment of the plan decodes its own stretch of the window through its own handle;
        // the first one (which starts where `reader` stands) through the handle already open.
        let file = reader.file, start = reader.window.lowerBound
        let plan = try ResamplingPlan(inputFrames: reader.frames, channels: channels,
                                      from: nativeRate, to: sampleRate, path: url.path)
        var handles = try [file] + plan.segments.dropFirst().map { _ in try SoundFile(reopening: file) }
        let samples = try handles.withUnsafeMutableBufferPointer { handles in
            let handles = SharedPointer(handles)
            return try Resampler.run(plan, from: nativeRate, to: sampleRate, channels: channels, quality: .soxr_hq) {
                segment, frames, consume in
                let window = (start + frames.lowerBound)..<(start + frames.upperBound)
                try FrameReader(handles[segment], mono: mono, window: window).forEachBlock(consume)
            }
        }
        return AudioBuffer(samples: samples, sampleRate: sampleRate, channels: channels)
    }

    /// Decodes `url` block by block, holding one block in memory at a time.
    ///
    /// - Parameters:
    ///   - url: the audio file, any format libsndfile decodes.
    ///   - sampleRate: the blocks' rate: nil (the default) keeps the native rate; another rate resamples
    ///     the stream as it goes (libsoxr `soxr_hq`), so the blocks add up to `read(url, sampleRate:)`.
    ///   - blockFrames: native frames decoded per block (the last block may be shorter).
    ///   - mono: average the channels into one, as in `read`.
    ///   - offset: seconds to skip, as in `read`.
    ///   - duration: seconds to decode, nil for up to the end, as in `read`.
    public static func blocks(_ url: URL, sampleRate: Double? = nil, blockFrames: Int = 65536, mono: Bool = true,
                              offset: Double = 0, duration: Double? = nil) throws -> AudioBlocks {
        guard blockFrames > 0 else {
            throw AudioIOError.invalidArgument(path: url.path, message: "blockFrames \(blockFrames) must be positive")
        }
        if let sampleRate, !(sampleRate.isFinite && sampleRate > 0) {
            throw AudioIOError.invalidArgument(path: url.path, message: "sample rate \(sampleRate) Hz must be positive")
        }
        return try AudioBlocks(reader: try FrameReader(url, mono: mono, offset: offset, duration: duration),
                               blockFrames: blockFrames, sampleRate: sampleRate)
    }

    /// Resamples interleaved `samples` from `inputRate` to `outputRate` Hz as `librosa.resample`
    /// (`res_type="soxr_hq"` by default): the result has `ceil(frames * outputRate / inputRate)` frames.
    public static func resample(_ samples: [Float], from inputRate: Double, to outputRate: Double,
                                channels: Int = 1, quality: Resampler.Quality = .soxr_hq) throws -> [Float] {
        try Resampler.resample(samples, from: inputRate, to: outputRate, channels: channels, quality: quality)
    }
}
