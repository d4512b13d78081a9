/// How `center=True` analysis pads the signal's ends by `nFFT / 2` samples.
public enum PadMode: String, Hashable, Sendable {
    /// Zeros: librosa ≥ 0.9's default.
    case constant
    /// Mirror without repeating the edge sample (NumPy `reflect`): librosa < 0.9's default,
    /// the padding behind the GTZAN `features_30_sec.csv` table.
    case reflect

    /// `signal` with `amount` samples added to each end.
    func pad(_ signal: [Float], by amount: Int) throws -> [Float] {
        if amount == 0 { return signal }
        var padded = [Float](repeating: 0, count: signal.count + 2 * amount)
        padded.withUnsafeMutableBufferPointer { out in
            signal.withUnsafeBufferPointer { source in
                out.baseAddress!.advanced(by: amount).update(from: source.baseAddress!, count: source.count)
            }
        }
        guard self == .reflect else { return padded }
        guard signal.count > 1 else {
            throw DSPError.signalTooShort(parameter: "y", length: signal.count, required: 2)
        }
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
        return padded
    }
}
