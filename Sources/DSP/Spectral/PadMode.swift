/// How `center=True` analysis pads the signal's ends by `nFFT / 2` samples.
public enum PadMode: String, Hashable, Sendable {
    /// Zeros: librosa ≥ 0.9's default.
    case constant
    /// Mirror without repeating the edge sample (NumPy `reflect`): librosa < 0.9's default,
    /// the padding behind the GTZAN `features_30_sec.csv` table.
    case reflect
    /// Repeat the edge sample (NumPy `edge`): what `zero_crossing_rate` always uses.
    case edge

    /// `signal` (non-empty) with `amount` samples added to each end.
    func pad(_ signal: [Float], by amount: Int) -> [Float] {
        if amount == 0 { return signal }
        var padded = [Float](repeating: 0, count: signal.count + 2 * amount)
        padded.withUnsafeMutableBufferPointer { out in
            signal.withUnsafeBufferPointer { source in
                out.baseAddress!.advanced(by: amount).update(from: source.baseAddress!, count: source.count)
            }
        }
        switch self {
        case .constant:
            break
        case .reflect where signal.count > 1:
            reflect(signal, into: &padded, by: amount)
        case .edge, .reflect:  // NumPy reflects a single sample into copies of itself.
            for i in 0..<amount {
                padded[i] = signal[0]
                padded[amount + signal.count + i] = signal[signal.count - 1]
            }
        }
        return padded
    }

    /// Fills the `amount` samples at each end of `padded` by NumPy's repeated reflection.
    private func reflect(_ signal: [Float], into padded: inout [Float], by amount: Int) {
        let n = signal.count
        let period = 2 * (n - 1)
        /// NumPy's repeated reflection: the index folded into one period of the mirrored signal.
        func reflected(_ index: Int) -> Float {
            var folded = index % period
            if folded < 0 { folded += period }
            return signal[folded < n ? folded : period - folded]
        }
        for i in 0..<amount {
            padded[amount - 1 - i] = reflected(-1 - i)
            padded[amount + n + i] = reflected(n + i)
        }
    }
}
