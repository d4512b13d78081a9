/// A file decoded block by block with bounded memory, from `AudioFile.blocks`.
///
/// Iterate with `while let block = try blocks.next() { ... }` or `try blocks.forEach { ... }`.
/// It is not a `Sequence` on purpose: decoding can fail part-way (a truncated file), and a
/// `Sequence` iterator cannot throw, so it would have to end silently.
///
/// With a target `sampleRate`, blocks are resampled on the way through one libsoxr stream (`soxr_hq` by
/// default): concatenated, they equal `AudioFile.read` at that rate, `ceil(frames · rate / native rate)`
/// frames in all, and their sizes vary (the first blocks are short while the filter fills).
public final class AudioBlocks {
    private let reader: FrameReader
    private let resampler: StreamingResampler?
    private var finished = false
    /// Native frames decoded per block (the last block may be shorter).
    public let blockFrames: Int
    /// Frames per second of the blocks.
    public let sampleRate: Double

    init(reader: FrameReader, blockFrames: Int, sampleRate: Double? = nil, quality: Resampler.Quality = .soxr_hq) throws {
        self.reader = reader
        self.blockFrames = blockFrames
        let nativeRate = reader.file.sampleRate
        self.sampleRate = sampleRate ?? nativeRate
        resampler = try sampleRate.flatMap { $0 == nativeRate ? nil
            : try StreamingResampler(from: nativeRate, to: $0, channels: reader.outputChannels, quality: quality) }
    }

    /// The file's header.
    public var info: AudioInfo { reader.file.audioInfo }
    /// Channels of each block (1 when mixing down).
    public var channels: Int { reader.outputChannels }
    /// Frames in the whole window at `sampleRate`, over all blocks; from the header, so an upper bound
    /// when `info.lengthIsEstimate` (the blocks end where the decoded stream ends).
    public var frames: Int {
        resampler == nil ? reader.frames : Resampler.outputFrames(for: reader.frames, from: reader.file.sampleRate, to: sampleRate)
    }
    /// Frames not yet returned (from the header, as `frames`).
    public var remainingFrames: Int {
        guard let resampler else { return reader.remaining }
        return finished ? 0 : max(0, frames - resampler.outputFrames)
    }

    /// The next block, or nil after the last one.
    public func next() throws -> AudioBuffer? {
        while !finished {
            let samples: [Float]
            if let block = try nativeBlock() {
                samples = try resampler.map { try block.withUnsafeBufferPointer($0.process) } ?? block
            } else {
                finished = true
                samples = try resampler?.finish() ?? []
            }
            if !samples.isEmpty { return AudioBuffer(samples: samples, sampleRate: sampleRate, channels: channels) }
        }
        return nil
    }

    /// Calls `body` with each remaining block in order.
    public func forEach(_ body: (AudioBuffer) throws -> Void) throws {
        while let block = try next() { try body(block) }
    }

    /// The next block at the native rate, nil at the end of the window (or of an estimated-length stream).
    private func nativeBlock() throws -> [Float]? {
        let count = min(blockFrames, reader.remaining)
        let samples = try [Float](unsafeUninitializedCapacity: count * channels) { buffer, initialized in
            initialized = count == 0 ? 0 : try reader.read(upTo: count, into: buffer.baseAddress!) * channels
        }
        if samples.isEmpty { try reader.checkDecodedSomething() }
        return samples.isEmpty ? nil : samples
    }
}
