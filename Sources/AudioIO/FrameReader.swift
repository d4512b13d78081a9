import Foundation

/// Decodes a window of a file block by block, mixing down to mono on the way when asked.
///
/// The window follows `librosa.load`: it starts at frame `Int(offset * sampleRate)` (reached with
/// `sf_seek`, so what lies before is not decoded) and spans `Int(duration * sampleRate)` frames, or
/// up to the end of the file.
final class FrameReader {
    /// Frames decoded per libsndfile call; large enough to amortise calls, small enough to stay in cache.
    static let blockFrames = 16384

    let file: SoundFile
    /// Channels of the decoded blocks: 1 when mixing down, else the file's.
    let outputChannels: Int
    /// The file frames of the window.
    let window: Range<Int>
    /// Frames in the window.
    var frames: Int { window.count }
    /// Frames of the window still to decode (the header's count for an estimated length).
    private(set) var remaining: Int
    /// Frames decoded so far.
    private(set) var decoded = 0
    private var floats: [Float] = []
    private var shorts: [Int16] = []

    /// Opens `url` and positions it at the `offset`/`duration` window (seconds, librosa's rules).
    convenience init(_ url: URL, mono: Bool, offset: Double, duration: Double?) throws {
        let file = try SoundFile(reading: url)
        try self.init(file, mono: mono, window: try Self.window(of: file, offset: offset, duration: duration))
    }

    /// Positions `file` at the first frame of `window` (a range of file frames).
    init(_ file: SoundFile, mono: Bool, window: Range<Int>) throws {
        self.file = file
        self.window = window
        outputChannels = mono ? 1 : file.channels
        remaining = window.count
        try file.seek(to: window.lowerBound)
    }

    /// The non-empty frame range `Int(offset * rate) ..< + Int(duration * rate)`, clipped to the file.
    static func window(of file: SoundFile, offset: Double, duration: Double?) throws -> Range<Int> {
        let path = file.path
        guard offset.isFinite, offset >= 0 else {
            throw AudioIOError.invalidArgument(path: path, message: "offset \(offset) s must be finite and ≥ 0")
        }
        if let duration, !(duration.isFinite && duration >= 0) {
            throw AudioIOError.invalidArgument(path: path, message: "duration \(duration) s must be finite and ≥ 0")
        }
        guard offset * file.sampleRate <= Double(file.frames) else {
            throw AudioIOError.invalidArgument(
                path: path, message: "offset \(offset) s is past the end of the audio (\(file.audioInfo.duration) s)")
        }
        let start = Int(offset * file.sampleRate)
        let available = file.frames - start
        let frames = duration.map { Int(min($0 * file.sampleRate, Double(available))) } ?? available
        guard frames > 0 else {
            throw AudioIOError.emptyAudio(
                path: path, message: file.frames == 0 ? "the file holds no frames"
                    : "the window at \(offset) s lasting \(duration ?? 0) s holds no frames")
        }
        return start..<(start + frames)
    }

    /// Decodes up to `maxFrames` frames into `destination`, which has room for
    /// `maxFrames * outputChannels` samples. Returns the frames decoded, 0 at the end of the window.
    /// A stream whose length is an estimate may end before the window does: `remaining` drops to 0 there.
    ///
    /// 16-bit PCM is read as integers and converted in the same pass as the mixdown: the result is
    /// bit-identical to libsndfile's float conversion (`q / 32768`) and several times faster.
    func read(upTo maxFrames: Int, into destination: UnsafeMutablePointer<Float>) throws -> Int {
        let count = min(maxFrames, remaining)
        guard count > 0 else { return 0 }
        let done: Int
        if file.isPCM16 {
            done = try decode(count, scratch: &shorts, scale: 1 / 32768, into: destination)
        } else if outputChannels == file.channels {
            done = try file.read(count, into: destination)
        } else {
            done = try decode(count, scratch: &floats, scale: 1, into: destination)
        }
        decoded += done
        remaining = done < count ? 0 : remaining - done
        return done
    }

    /// Decodes the rest of the window into `destination` (room for `remaining * outputChannels` samples);
    /// returns the frames decoded.
    func readAll(into destination: UnsafeMutablePointer<Float>) throws -> Int {
        var frames = 0
        while case let count = try read(upTo: Self.blockFrames, into: destination + frames * outputChannels), count > 0 {
            frames += count
        }
        return frames
    }

    /// Decodes the rest of the window block by block, passing each (interleaved) block to `body`.
    func forEachBlock(_ body: (UnsafeBufferPointer<Float>) throws -> Void) throws {
        try withUnsafeTemporaryAllocation(of: Float.self, capacity: Self.blockFrames * outputChannels) { block in
            while case let count = try read(upTo: Self.blockFrames, into: block.baseAddress!), count > 0 {
                try body(UnsafeBufferPointer(rebasing: block[..<(count * outputChannels)]))
            }
        }
    }

    /// Throws `emptyAudio` when the window ended without a frame (an estimated length that was too long).
    func checkDecodedSomething() throws {
        guard decoded == 0, remaining == 0 else { return }
        throw AudioIOError.emptyAudio(path: file.path, message: "the stream ends at or before frame \(window.lowerBound) "
                                      + "(its length, \(file.frames) frames, is an estimate)")
    }

    /// Reads `count` frames into `scratch`, then converts (and mixes down) them into `destination`.
    private func decode<Sample: DecodedSample>(_ count: Int, scratch: inout [Sample], scale: Float,
                                                into destination: UnsafeMutablePointer<Float>) throws -> Int {
        let channels = file.channels
        if scratch.count < count * channels {
            scratch = [Sample](unsafeUninitializedCapacity: count * channels) { $1 = $0.count }
        }
        return try scratch.withUnsafeMutableBufferPointer { buffer in
            let done = try Sample.read(count, from: file, into: buffer.baseAddress!)
            if outputChannels == 1 {
                Self.mixDown(buffer.baseAddress!, frames: done, channels: channels, scale: scale, into: destination)
            } else {
                for i in 0..<(done * channels) { destination[i] = buffer[i].floatValue * scale }
            }
            return done
        }
    }

    /// `scale` times the mean over channels of each interleaved frame (as `librosa.to_mono`).
    static func mixDown<Sample: DecodedSample>(_ source: UnsafePointer<Sample>, frames: Int, channels: Int,
                                               scale: Float, into destination: UnsafeMutablePointer<Float>) {
        let scale = scale / Float(channels)
        var start = 0
        if channels == 2 {  // the common case: 8 frames at a time, left and right split by even/odd lanes
            let pairs = UnsafeRawPointer(source)
            for i in stride(from: 0, to: frames - 7, by: 8) {
                let lanes = pairs.loadUnaligned(fromByteOffset: 2 * i * MemoryLayout<Sample>.stride, as: SIMD16<Sample>.self)
                let mean = (Sample.floats(lanes.evenHalf) + Sample.floats(lanes.oddHalf)) * scale
                UnsafeMutableRawPointer(destination + i).storeBytes(of: mean, as: SIMD8<Float>.self)
            }
            start = frames / 8 * 8
        }
        for i in start..<frames {
            var sum: Float = 0
            for c in 0..<channels { sum += source[i * channels + c].floatValue }
            destination[i] = sum * scale
        }
    }
}

/// A sample type libsndfile decodes into: `Float` (normalised) or `Int16` (full scale).
/// Both convert to `Float` exactly, so sums of two channels are exact before scaling.
protocol DecodedSample: SIMDScalar, Hashable, Codable {
    var floatValue: Float { get }
    /// Eight samples converted to `Float`.
    static func floats(_ lanes: SIMD8<Self>) -> SIMD8<Float>
    /// Decodes up to `count` frames; returns the frames decoded.
    static func read(_ count: Int, from file: SoundFile, into destination: UnsafeMutablePointer<Self>) throws -> Int
}

extension Float: DecodedSample {
    var floatValue: Float { self }
    static func floats(_ lanes: SIMD8<Float>) -> SIMD8<Float> { lanes }
    static func read(_ count: Int, from file: SoundFile, into destination: UnsafeMutablePointer<Float>) throws -> Int {
        try file.read(count, into: destination)
    }
}

extension Int16: DecodedSample {
    var floatValue: Float { Float(self) }
    static func floats(_ lanes: SIMD8<Int16>) -> SIMD8<Float> { SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: lanes)) }
    static func read(_ count: Int, from file: SoundFile, into destination: UnsafeMutablePointer<Int16>) throws -> Int {
        try file.read(count, into: destination)
    }
}
