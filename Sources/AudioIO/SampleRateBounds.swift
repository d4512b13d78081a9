/// The native sample rates AudioIO decodes, and the longest signal it resamples in memory.
///
/// A header outside 1 kHz–768 kHz is a damaged file, not audio: at 1 or 2 Hz a few seconds of data
/// resample to billions of frames (and libsoxr's output length overflows 32 bits), at 2³¹ Hz a whole
/// file is shorter than one analysis frame.
public enum SampleRateBounds {
    /// Native rates a file may declare, in Hz.
    public static let supported: ClosedRange<Double> = 1000...768_000
    /// Most interleaved samples one resampling produces (2³¹ − 1, 8 GiB of `Float`; 27 hours of mono at 22050 Hz).
    public static let maximumResampledSamples = Int(Int32.max)

    /// Throws `AudioIOError.corrupt` about `path` unless `rate` is in ``supported``.
    static func check(_ rate: Double, path: String) throws {
        guard supported.contains(rate) else {
            throw AudioIOError.corrupt(path: path, message: "header declares \(Int(rate)) Hz; supported rates are "
                + "\(Int(supported.lowerBound))–\(Int(supported.upperBound)) Hz")
        }
    }
}
