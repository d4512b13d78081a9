import Foundation

/// Decodes a window of a file block by block, mixing down to mono on the way when asked.
///
/// The window follows `librosa.load`: it starts at frame `Int(offset * sampleRate)` (reached with
/// `sf_seek`, so what lies before is not decoded) and spans `Int(duration * sampleRate)` frames, or
/// up to the end of the file.
final class FrameReader {
    let file: SoundFile
    /// Channels of the decoded blocks: 1 when mixing down, else the file's.
    let outputChannels: Int
    /// Frames in the window.
    let frames: Int
    private(set) var remaining: Int
    private var interleaved: [Float] = []

    init(_ url: URL, mono: Bool, offset: Double, duration: Double?) throws {
        let file = try SoundFile(reading: url)
        self.file = file
        outputChannels = mono ? 1 : file.channels
        let path = file.path
        guard offset.isFinite, offset >= 0 else {
            throw AudioIOError.invalidArgument(path: path, message: "offset \(offset) s must be finite and ≥ 0")
        }
        if let duration, !(duration.isFinite && duration >= 0) {
            throw AudioIOError.invalidArgument(path: path, message: "duration \(duration) s must be finite and ≥ 0")
        }
        let start = Int(offset * file.sampleRate)
        guard start <= file.frames else {
            throw AudioIOError.invalidArgument(
                path: path, message: "offset \(offset) s is past the end of the audio (\(file.audioInfo.duration) s)")
        }
        let frames = min(duration.map { Int($0 * file.sampleRate) } ?? file.frames, file.frames - start)
        guard frames > 0 else {
            throw AudioIOError.emptyAudio(
                path: path, message: file.frames == 0 ? "the file holds no frames"
                    : "the window at \(offset) s lasting \(duration ?? 0) s holds no frames")
        }
        self.frames = frames
        remaining = frames
        try file.seek(to: start)
    }

    /// Decodes up to `maxFrames` frames into `destination`, which has room for
    /// `maxFrames * outputChannels` samples. Returns the frames decoded, 0 at the end of the window.
    func read(upTo maxFrames: Int, into destination: UnsafeMutablePointer<Float>) throws -> Int {
        let count = min(maxFrames, remaining)
        guard count > 0 else { return 0 }
        let channels = file.channels
        if outputChannels == channels {
            try file.read(count, into: destination)
        } else {
            if interleaved.count < count * channels { interleaved = [Float](repeating: 0, count: count * channels) }
            try interleaved.withUnsafeMutableBufferPointer { buffer in
                try file.read(count, into: buffer.baseAddress!)
                Self.mixDown(buffer.baseAddress!, frames: count, channels: channels, into: destination)
            }
        }
        remaining -= count
        return count
    }

    /// The mean over channels of each interleaved frame (as `librosa.to_mono`).
    static func mixDown(_ source: UnsafePointer<Float>, frames: Int, channels: Int,
                        into destination: UnsafeMutablePointer<Float>) {
        let scale = 1 / Float(channels)
        for i in 0..<frames {
            var sum: Float = 0
            for c in 0..<channels { sum += source[i * channels + c] }
            destination[i] = sum * scale
        }
    }
}
