/// A file decoded block by block with bounded memory, from `AudioFile.blocks`.
///
/// Iterate with `while let block = try blocks.next() { ... }` or `try blocks.forEach { ... }`.
/// It is not a `Sequence` on purpose: decoding can fail part-way (a truncated file), and a
/// `Sequence` iterator cannot throw, so it would have to end silently.
public final class AudioBlocks {
    private let reader: FrameReader
    /// Frames per block (the last block may be shorter).
    public let blockFrames: Int

    init(reader: FrameReader, blockFrames: Int) {
        self.reader = reader
        self.blockFrames = blockFrames
    }

    /// The file's header.
    public var info: AudioInfo { reader.file.audioInfo }
    /// Channels of each block (1 when mixing down).
    public var channels: Int { reader.outputChannels }
    /// Frames in the whole window, over all blocks.
    public var frames: Int { reader.frames }
    /// Frames not yet returned.
    public var remainingFrames: Int { reader.remaining }

    /// The next block, or nil after the last one.
    public func next() throws -> AudioBuffer? {
        let count = min(blockFrames, reader.remaining)
        guard count > 0 else { return nil }
        let samples = try [Float](unsafeUninitializedCapacity: count * channels) { buffer, initialized in
            initialized = try reader.read(upTo: count, into: buffer.baseAddress!) * channels
        }
        return AudioBuffer(samples: samples, sampleRate: reader.file.sampleRate, channels: channels)
    }

    /// Calls `body` with each remaining block in order.
    public func forEach(_ body: (AudioBuffer) throws -> Void) throws {
        while let block = try next() { try body(block) }
    }
}
