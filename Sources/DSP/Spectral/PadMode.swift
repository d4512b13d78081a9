/// How `center=True` analysis pads the signal's ends by `nFFT / 2` samples.
public enum PadMode: String, Hashable, Sendable {
    /// Zeros: librosa ≥ 0.9's default.
    case constant
    /// Mirror without repeating the edge sample (NumPy `reflect`): librosa < 0.9's default,
    /// the padding behind the GTZAN `features_30_sec.csv` table.
    case reflect
    /// Repeat the edge sample (NumPy `edge`): what `zero_crossing_rate` always uses.
    case edge

    /// Sample `index` of the padded extension of the non-empty `signal` (indices inside the
    /// signal return the signal's own samples).
    @inline(__always)
    func sample(at index: Int, of signal: UnsafeBufferPointer<Float>) -> Float {
        let n = signal.count
        if index >= 0 && index < n { return signal[index] }
        switch self {
        case .constant:
            return 0
        case .reflect where n > 1:
            // NumPy's repeated reflection: fold the index into one period of the mirrored signal.
            let period = 2 * (n - 1)
            var folded = index % period
            if folded < 0 { folded += period }
            return signal[folded < n ? folded : period - folded]
        case .edge, .reflect:  // NumPy reflects a single sample into copies of itself.
            return signal[index < 0 ? 0 : n - 1]
        }
    }
}
