import ConcurrencySupport
import CSoxr
import Dispatch

/// A libsoxr sample-rate converter for interleaved `Float` audio, usable as a stream
/// (`process` block by block, then `flush`) or in one shot (`Resampler.resample`).
///
/// The defaults match `librosa.resample(res_type="soxr_hq")`, which calls python-soxr's
/// `soxr.resample(quality="HQ")`: `soxr_quality_spec(SOXR_HQ, 0)` (20-bit precision, linear phase),
/// float32 in and out, one thread.
public final class Resampler {
    /// libsoxr's quality recipes, named as librosa's `res_type` names them.
    public enum Quality: String, CaseIterable, Sendable {
        case soxr_qq, soxr_lq, soxr_mq, soxr_hq, soxr_vhq

        var recipe: UInt {
            switch self {
            case .soxr_qq: return UInt(SOXR_QQ)
            case .soxr_lq: return UInt(SOXR_LQ)
            case .soxr_mq: return UInt(SOXR_MQ)
            case .soxr_hq: return UInt(SOXR_20_BITQ)
            case .soxr_vhq: return UInt(SOXR_28_BITQ)
            }
        }
    }

    /// Input frames per second.
    public let inputRate: Double
    /// Output frames per second.
    public let outputRate: Double
    /// Interleaved channels per frame.
    public let channels: Int
    private let handle: soxr_t

    /// Creates a converter from `inputRate` to `outputRate` Hz for `channels` interleaved channels.
    /// - Parameters:
    ///   - inputRate: frames per second of the input.
    ///   - outputRate: frames per second of the output.
    ///   - channels: interleaved channels per frame.
    ///   - quality: libsoxr's recipe; `soxr_hq` is librosa's default (`res_type="soxr_hq"`).
    ///   - threads: libsoxr worker threads; they only help when `channels > 1`
    ///     (libsoxr splits work by channel). 0 means `OMP_NUM_THREADS`. `resample` and
    ///     `AudioFile.read` parallelise by time segments instead, which also helps mono.
    public init(from inputRate: Double, to outputRate: Double, channels: Int = 1,
                quality: Quality = .soxr_hq, threads: Int = 1) throws {
        guard inputRate > 0, outputRate > 0, inputRate.isFinite, outputRate.isFinite,
              (1...65536).contains(channels), threads >= 0 else {
            throw AudioIOError.resampling(
                path: "", message: "invalid request \(inputRate) Hz → \(outputRate) Hz, \(channels) channels, \(threads) threads")
        }
        var io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I)
        var qualitySpec = soxr_quality_spec(quality.recipe, 0)
        var runtime = soxr_runtime_spec(UInt32(threads))
        var error: soxr_error_t?
        let handle = soxr_create(inputRate, outputRate, UInt32(channels), &error, &io, &qualitySpec, &runtime)
        guard let handle, error == nil else {
            throw AudioIOError.resampling(path: "", message: error.map { String(cString: $0) } ?? "soxr_create failed")
        }
        self.inputRate = inputRate
        self.outputRate = outputRate
        self.channels = channels
        self.handle = handle
    }

    deinit { soxr_delete(handle) }

    /// librosa's output length for `frames` input frames: `ceil(frames * outputRate / inputRate)`
    /// (saturating at `Int.max`).
    public static func outputFrames(for frames: Int, from inputRate: Double, to outputRate: Double) -> Int {
        let exact = (Double(frames) * (outputRate / inputRate)).rounded(.up)
        return exact < 0x1p62 ? Int(exact) : .max
    }

    /// `outputFrames(for:from:to:)` when it is a sane allocation (at most
    /// `SampleRateBounds.maximumResampledSamples` samples), else an error about `path`; checked before libsoxr runs.
    static func checkedOutputFrames(for frames: Int, channels: Int, from inputRate: Double, to outputRate: Double,
                                    path: String) throws -> Int {
        let output = outputFrames(for: frames, from: inputRate, to: outputRate)
        guard output <= SampleRateBounds.maximumResampledSamples / max(channels, 1) else {
            throw AudioIOError.invalidArgument(
                path: path, message: "resampling \(frames) frames from \(inputRate) Hz to \(outputRate) Hz would make \(output) frames")
        }
        return output
    }

    /// Feeds `input` (interleaved frames) and writes the frames that become ready into `output`.
    /// Returns the frames written. All input is consumed unless `output` fills up first.
    public func process(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) throws -> Int {
        var sink = ResampledOutput(output, channels: channels)
        try process(input, into: &sink)
        return sink.written
    }

    /// Signals the end of input and writes the remaining frames (the filter's tail) into `output`.
    public func flush(into output: UnsafeMutableBufferPointer<Float>) throws -> Int {
        var sink = ResampledOutput(output, channels: channels)
        try flush(into: &sink)
        return sink.written
    }

    /// Forgets all input so the converter can start a new signal.
    public func reset() throws {
        try check(soxr_clear(handle))
    }

    /// Frames passed to libsoxr per call: it copies its input into a FIFO that grows (by `realloc`)
    /// to the size of the call, so whole signals are fed in cache-sized blocks.
    static let blockFrames = 16384

    func process(_ input: UnsafeBufferPointer<Float>, into output: inout ResampledOutput) throws {
        let frames = input.count / channels
        var consumed = 0
        while true {
            var inputDone = 0
            var roomLeft = false
            let written = try output.write { buffer, room in
                var done = 0
                try check(soxr_process(handle, input.baseAddress.map { $0 + consumed * channels },
                                       min(frames - consumed, Self.blockFrames), &inputDone, buffer, room, &done))
                roomLeft = done < room
                return done
            }
            consumed += inputDone
            if (consumed == frames && roomLeft) || (inputDone == 0 && written == 0) { return }
        }
    }

    func flush(into output: inout ResampledOutput) throws {
        while try output.write({ buffer, room in
            var done = 0
            try check(soxr_process(handle, nil, 0, nil, buffer, room, &done))
            return done
        }) > 0 {}
    }

    private func check(_ error: soxr_error_t?) throws {
        if let error { throw AudioIOError.resampling(path: "", message: String(cString: error)) }
    }

    /// Resamples a whole signal as `librosa.resample(y, orig_sr:, target_sr:, res_type:)` does:
    /// the output has `outputFrames(for:from:to:)` frames, zero-padded if libsoxr delivers fewer.
    /// Long signals are cut into segments resampled in parallel (see `ResamplingPlan`).
    /// Returns `samples` unchanged when the rates are equal.
    public static func resample(_ samples: [Float], from inputRate: Double, to outputRate: Double,
                                channels: Int = 1, quality: Quality = .soxr_hq) throws -> [Float] {
        guard channels > 0, samples.count % channels == 0 else {
            throw AudioIOError.resampling(path: "", message: "\(samples.count) samples do not make whole frames of \(channels) channels")
        }
        guard inputRate != outputRate else { return samples }
        return try samples.withUnsafeBufferPointer { samples in
            let input = SharedPointer(samples)
            return try run(ResamplingPlan(inputFrames: samples.count / channels, channels: channels,
                                          from: inputRate, to: outputRate, path: ""),
                           from: inputRate, to: outputRate, channels: channels, quality: quality) { _, frames, consume in
                try consume(UnsafeBufferPointer(start: input.readOnly + frames.lowerBound * channels,
                                                count: frames.count * channels))
            }
        }
    }

    /// Carries out `plan`, its segments on concurrent threads, each with its own converter.
    /// `feed(segment, frames, consume)` passes the input `frames` (a range) of segment number `segment` to
    /// `consume` in order, in blocks.
    static func run(_ plan: ResamplingPlan, from inputRate: Double, to outputRate: Double, channels: Int, quality: Quality,
                    feed: @Sendable (Int, Range<Int>, (UnsafeBufferPointer<Float>) throws -> Void) throws -> Void)
        throws -> [Float] {
        try [Float](unsafeUninitializedCapacity: plan.outputFrames * channels) { buffer, initialized in
            let output = SharedPointer(buffer)
            var errors = [Error?](repeating: nil, count: plan.segments.count)
            errors.withUnsafeMutableBufferPointer { errors in
                let errors = SharedPointer(errors)
                DispatchQueue.concurrentPerform(iterations: plan.segments.count) { index in
                    let segment = plan.segments[index]
                    do {
                        let resampler = try Resampler(from: inputRate, to: outputRate, channels: channels, quality: quality)
                        let slice = (segment.output.lowerBound * channels)..<(segment.output.upperBound * channels)
                        var sink = ResampledOutput(output.buffer(slice), channels: channels, discard: segment.discard)
                        try feed(index, segment.input) { try resampler.process($0, into: &sink) }
                        try resampler.flush(into: &sink)
                        sink.padWithZeros()
                    } catch {
                        errors[index] = error
                    }
                }
            }
            if let error = errors.lazy.compactMap({ $0 }).first { throw error }
            initialized = plan.outputFrames * channels
        }
    }
}
