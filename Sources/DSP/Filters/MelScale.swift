import Foundation

/// Conversions between hertz and mel (librosa's `hz_to_mel`, `mel_to_hz`, `mel_frequencies`),
/// in `Double` like librosa.
public enum MelScale {
    private static let linearStep = 200.0 / 3
    private static let logStartHz = 1000.0
    private static let logStartMel = logStartHz / linearStep
    private static let logStep = log(6.4) / 27

    /// Mels of `hz`: the Slaney scale (linear below 1 kHz, logarithmic above) or, with `htk`,
    /// `2595 · log10(1 + hz / 700)`.
    public static func hzToMel(_ hz: Double, htk: Bool = false) -> Double {
        if htk { return 2595 * log10(1 + hz / 700) }
        return hz >= logStartHz ? logStartMel + log(hz / logStartHz) / logStep : hz / linearStep
    }

    /// Hertz of `mel`, the inverse of ``hzToMel(_:htk:)``.
    public static func melToHz(_ mel: Double, htk: Bool = false) -> Double {
        if htk { return 700 * (pow(10, mel / 2595) - 1) }
        return mel >= logStartMel ? logStartHz * exp(logStep * (mel - logStartMel)) : linearStep * mel
    }

    /// `count` frequencies evenly spaced in mel from `fMin` to `fMax` (librosa's `mel_frequencies`).
    public static func melFrequencies(count: Int, fMin: Double = 0, fMax: Double = 11025, htk: Bool = false) -> [Double] {
        let low = hzToMel(fMin, htk: htk), high = hzToMel(fMax, htk: htk)
        return linspace(low, high, count: count).map { melToHz($0, htk: htk) }
    }

    /// NumPy's `linspace(start, stop, count)`, endpoint included.
    static func linspace(_ start: Double, _ stop: Double, count: Int) -> [Double] {
        guard count > 1 else { return count == 1 ? [start] : [] }
        let step = (stop - start) / Double(count - 1)
        return (0..<count).map { $0 == count - 1 ? stop : start + Double($0) * step }
    }
}
