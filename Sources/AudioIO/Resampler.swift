import CSoxr

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

    public let inputRate: Double
    public let outputRate: Double
    public let channels: Int
    private let handle: soxr_t

    /// Creates a converter from `inputRate` to `outputRate` Hz for `channels` interleaved channels.
    /// - Parameter threads: libsoxr worker threads; they only help when `channels > 1`
    ///   (libsoxr splits work by channel). 0 means `OMP_NUM_THREADS`.
    public init(from inputRate: Double, to outputRate: Double, channels: Int = 1,
                quality: Quality = .soxr_hq, threads: Int = 1) throws {
        guard inputRate > 0, outputRate > 0, inputRate.isFinite, outputRate.isFinite, channels > 0, threads >= 0 else {
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

    /// librosa's output length for `frames` input frames: `ceil(frames * outputRate / inputRate)`.
    public static func outputFrames(for frames: Int, from inputRate: Double, to outputRate: Double) -> Int {
        Int((Double(frames) * (outputRate / inputRate)).rounded(.up))
    }

    /// Feeds `input` (interleaved frames) and writes the frames that become ready into `output`.
    /// Returns the frames written. All input is consumed unless `output` fills up first.
    public func process(_ input: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) throws -> Int {
        var consumed = 0
        var written = 0
        let inputFrames = input.count / channels
        let outputFrames = output.count / channels
        repeat {
            var inputDone = 0
            var outputDone = 0
            let error = soxr_process(handle, input.baseAddress.map { $0 + consumed * channels }, inputFrames - consumed,
                                     &inputDone, output.baseAddress.map { $0 + written * channels },
                                     outputFrames - written, &outputDone)
            if let error { throw AudioIOError.resampling(path: "", message: String(cString: error)) }
            consumed += inputDone
            written += outputDone
            if inputDone == 0 && outputDone == 0 { break }
        } while consumed < inputFrames && written < outputFrames
        return written
    }

    /// Signals the end of input and writes the remaining frames (the filter's tail) into `output`.
    public func flush(into output: UnsafeMutableBufferPointer<Float>) throws -> Int {
        var written = 0
        let outputFrames = output.count / channels
        while written < outputFrames {
            var outputDone = 0
            let error = soxr_process(handle, nil, 0, nil, output.baseAddress.map { $0 + written * channels },
                                     outputFrames - written, &outputDone)
            if let error { throw AudioIOError.resampling(path: "", message: String(cString: error)) }
            if outputDone == 0 { break }
            written += outputDone
        }
        return written
    }

    /// Forgets all input so the converter can start a new signal.
    public func reset() throws {
        if let error = soxr_clear(handle) { throw AudioIOError.resampling(path: "", message: String(cString: error)) }
    }

    /// Resamples a whole signal as `librosa.resample(y, orig_sr:, target_sr:, res_type:)` does:
    /// the output has `outputFrames(for:from:to:)` frames, zero-padded if libsoxr delivers fewer.
    /// Returns `samples` unchanged when the rates are equal.
    public static func resample(_ samples: [Float], from inputRate: Double, to outputRate: Double,
                                channels: Int = 1, quality: Quality = .soxr_hq) throws -> [Float] {
        guard inputRate != outputRate else { return samples }
        let resampler = try Resampler(from: inputRate, to: outputRate, channels: channels, quality: quality)
        return try samples.withUnsafeBufferPointer { input in
            try resampler.fill(frames: outputFrames(for: input.count / channels, from: inputRate, to: outputRate)) { output in
                try resampler.process(input, into: output)
            }
        }
    }

    /// Makes an array of exactly `frames` frames: `produce` writes the first frames (returning how
    /// many), the filter's tail follows, and zeros pad whatever is left.
    func fill(frames: Int, _ produce: (UnsafeMutableBufferPointer<Float>) throws -> Int) throws -> [Float] {
        try [Float](unsafeUninitializedCapacity: frames * channels) { buffer, initialized in
            var written = try produce(buffer)
            written += try flush(into: UnsafeMutableBufferPointer(rebasing: buffer[(written * channels)...]))
            buffer[(written * channels)...].initialize(repeating: 0)
            initialized = frames * channels
        }
    }
}
