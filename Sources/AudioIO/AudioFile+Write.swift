import Foundation

extension AudioFile {
    /// Frames converted per libsndfile call when writing.
    static let encodeBlockFrames = 16384

    /// Writes interleaved `samples` to `url`; the container follows the extension
    /// (`.wav`, `.aif`/`.aiff`, `.au`/`.snd`, `.flac`, `.ogg`/`.oga`, `.mp3` with `format: .mp3`).
    ///
    /// PCM encodings are quantised here as `round(x · 2^(bits−1))`, clipped to the integer range:
    /// the exact inverse of libsndfile's float reading (`q / 2^(bits−1)`), so a file read and
    /// written again at the same depth is bit exact. Float encodings store samples unchanged.
    ///
    /// - Parameters:
    ///   - url: the file to write (replaced atomically).
    ///   - samples: interleaved samples in [-1, 1].
    ///   - sampleRate: an integer rate in Hz (libsndfile stores integer rates).
    ///   - channels: samples per frame; `samples.count` must be a multiple of it.
    ///   - format: the encoding; `.pcm16` by default.
    public static func write(_ url: URL, samples: [Float], sampleRate: Double, channels: Int = 1,
                             format: SampleFormat = .pcm16) throws {
        let path = url.path
        guard channels > 0, !samples.isEmpty, samples.count % channels == 0 else {
            throw AudioIOError.invalidArgument(
                path: path, message: "\(samples.count) samples do not make whole non-empty frames of \(channels) channels")
        }
        guard sampleRate >= 1, sampleRate <= Double(Int32.max), sampleRate == sampleRate.rounded() else {
            throw AudioIOError.invalidArgument(path: path, message: "sample rate \(sampleRate) Hz must be a positive integer")
        }
        guard let container = FormatNames.writableExtensions[url.pathExtension.lowercased()] else {
            throw AudioIOError.unsupportedFormat(
                path: path, message: "cannot choose a container for extension '.\(url.pathExtension)'; use "
                    + FormatNames.writableExtensions.keys.sorted().map { "." + $0 }.joined(separator: ", "))
        }
        let file = try SoundFile(writing: url, format: container | format.subtypeCode(in: container),
                                 sampleRate: Int(sampleRate), channels: channels)
        let frames = samples.count / channels
        try samples.withUnsafeBufferPointer { source in
            guard let bits = format.pcmBits else { return try file.write(frames, from: source.baseAddress!) }
            var quantised = [Int32](repeating: 0, count: min(frames, encodeBlockFrames) * channels)
            try quantised.withUnsafeMutableBufferPointer { quantised in
                for start in stride(from: 0, to: frames, by: encodeBlockFrames) {
                    let count = min(encodeBlockFrames, frames - start)
                    quantise(UnsafeBufferPointer(rebasing: source[(start * channels)..<((start + count) * channels)]),
                             bits: bits, into: quantised.baseAddress!)
                    try file.write(count, from: quantised.baseAddress!)
                }
            }
        }
        try file.close()
    }

    /// `round(x · 2^(bits−1))` clipped to `bits`-bit signed range, left-aligned in 32 bits
    /// (the layout `sf_writef_int` expects).
    static func quantise(_ source: UnsafeBufferPointer<Float>, bits: Int, into destination: UnsafeMutablePointer<Int32>) {
        let scale = Double(1 << (bits - 1))
        let shift = Int32(32 - bits)
        for i in source.indices {
            let level = min(max((Double(source[i]) * scale).rounded(), -scale), scale - 1)
            destination[i] = Int32(level) << shift
        }
    }
}
