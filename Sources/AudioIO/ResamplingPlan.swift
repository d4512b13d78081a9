/// How a whole-signal resampling job is cut into segments that can run on separate threads.
///
/// With integer rates reduced to `inputRate : outputRate = L : M`, libsoxr's output is periodic:
/// input frame `k·L` lines up with output frame `k·M`. Cutting the input at multiples of `L` and
/// feeding each segment `margin` extra frames on both sides (far more than the filter reaches)
/// gives the same output as one continuous stream up to float rounding (measured ≤ 5e-7), so each
/// segment is resampled on its own and only its middle kept. The cuts depend only on the length and
/// the rates, never on the number of cores, so results are the same on every machine. Segments have
/// equal lengths and come in an even number, so that two cores finish together.
struct ResamplingPlan {
    struct Segment {
        /// Input frames fed to this segment's resampler: its core plus the margins.
        let input: Range<Int>
        /// Output frames this segment delivers.
        let output: Range<Int>
        /// Leading output frames that come from the margin and are dropped.
        let discard: Int
    }

    /// Longest segment core before rounding to the period (about 24 s at 44.1 kHz). Each extra
    /// segment costs a converter set-up and two margins (about 0.06 ms of CPU at 44.1 kHz).
    static let segmentFrames = 1 << 20
    /// Inputs up to this length (about 6 s at 44.1 kHz) are resampled in one stream.
    static let minimumSplitFrames = 1 << 18

    let outputFrames: Int
    let segments: [Segment]

    /// Plans resampling `inputFrames` frames of `channels` channels; `path` names the source in errors.
    init(inputFrames: Int, channels: Int, from inputRate: Double, to outputRate: Double, path: String) throws {
        let outputFrames = try Resampler.checkedOutputFrames(for: inputFrames, channels: channels,
                                                             from: inputRate, to: outputRate, path: path)
        self.outputFrames = outputFrames
        let whole = [Segment(input: 0..<inputFrames, output: 0..<outputFrames, discard: 0)]
        guard let (inputPeriod, outputPeriod) = Self.period(inputRate, outputRate) else {
            segments = whole
            return
        }
        let reach = 2048 * Int((inputRate / outputRate).rounded(.up))
        let margin = (reach + inputPeriod - 1) / inputPeriod * inputPeriod
        let count = 2 * ((inputFrames + 2 * Self.segmentFrames - 1) / (2 * Self.segmentFrames))
        let core = ((inputFrames + count - 1) / count + inputPeriod - 1) / inputPeriod * inputPeriod
        guard inputFrames > Self.minimumSplitFrames, core >= 4 * margin else {
            segments = whole
            return
        }
        segments = stride(from: 0, to: inputFrames, by: core).map { start in
            let end = min(start + core, inputFrames)
            let input = max(0, start - margin)..<min(inputFrames, end + margin)
            let output = start / inputPeriod * outputPeriod..<(end == inputFrames ? outputFrames : end / inputPeriod * outputPeriod)
            return Segment(input: input, output: output, discard: output.lowerBound - input.lowerBound / inputPeriod * outputPeriod)
        }
    }

    /// `(L, M)` with `inputRate / outputRate = L / M` in lowest terms, or nil for non-integer rates.
    static func period(_ inputRate: Double, _ outputRate: Double) -> (Int, Int)? {
        guard inputRate == inputRate.rounded(), outputRate == outputRate.rounded(),
              inputRate < 1e9, outputRate < 1e9 else { return nil }
        var (a, b) = (Int(inputRate), Int(outputRate))
        while b != 0 { (a, b) = (b, a % b) }
        return (Int(inputRate) / a, Int(outputRate) / a)
    }
}
