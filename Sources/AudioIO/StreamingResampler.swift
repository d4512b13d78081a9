/// Resamples a signal that arrives block by block and whose length is known only at its end, to
/// librosa's output length: `ceil(frames · outputRate / inputRate)` frames in all once `finish` is called.
///
/// One libsoxr stream over the whole signal, as `librosa.resample` runs on a whole array: the blocks'
/// sizes do not change the output.
final class StreamingResampler {
    private let resampler: Resampler
    /// Frames fed so far.
    private(set) var inputFrames = 0
    /// Frames delivered so far.
    private(set) var outputFrames = 0

    init(from inputRate: Double, to outputRate: Double, channels: Int, quality: Resampler.Quality) throws {
        resampler = try Resampler(from: inputRate, to: outputRate, channels: channels, quality: quality)
    }

    var channels: Int { resampler.channels }

    /// Feeds `block` (interleaved frames); returns the output frames that became ready (none while the
    /// filter fills).
    func process(_ block: UnsafeBufferPointer<Float>) throws -> [Float] {
        let frames = block.count / channels
        inputFrames += frames
        // Room for the block and everything libsoxr may still hold from earlier blocks.
        let room = Resampler.outputFrames(for: frames + Resampler.blockFrames, from: resampler.inputRate,
                                          to: resampler.outputRate)
        let output = try [Float](unsafeUninitializedCapacity: room * channels) { buffer, initialized in
            var sink = ResampledOutput(buffer, channels: channels)
            try resampler.process(block, into: &sink)
            guard sink.capacity > 0 else {
                throw AudioIOError.resampling(path: "", message: "output of a \(frames)-frame block overflowed \(room) frames")
            }
            initialized = sink.written * channels
        }
        outputFrames += output.count / channels
        return output
    }

    /// Ends the signal: the filter's tail, cut or zero-padded so that the whole output has librosa's length.
    func finish() throws -> [Float] {
        let total = Resampler.outputFrames(for: inputFrames, from: resampler.inputRate, to: resampler.outputRate)
        var tail = [Float](repeating: 0, count: max(0, total - outputFrames) * channels)
        try tail.withUnsafeMutableBufferPointer { buffer in
            var sink = ResampledOutput(buffer, channels: channels)
            try resampler.flush(into: &sink)
        }
        outputFrames += tail.count / channels
        return tail
    }
}
