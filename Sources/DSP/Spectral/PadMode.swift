/// How `center=True` analysis pads the signal's ends by `nFFT / 2` samples.
public enum PadMode: String, Hashable, Sendable {
    /// Zeros: librosa ≥ 0.9's default.
    case constant
    /// Mirror without repeating the edge sample (NumPy `reflect`): librosa < 0.9's default,
    /// the padding behind the GTZAN `features_30_sec.csv` table.
    case reflect
    /// Repeat the edge sample (NumPy `edge`): what `zero_crossing_rate` always uses.
    case edge

    /// `signal` with `amount` samples added to each end.
    func pad(_ signal: [Float], by amount: Int) throws -> [Float] {
        if amount == 0 { return signal }
        var padded = [Float](repeating: 0, count: signal.count + 2 * amount)
        padded.withUnsafeMutableBufferPointer { out in
            signal.withUnsafeBufferPointer { source in
                out.baseAddress!.advanced(by: amount).update(from: source.baseAddress!, count: source.count)
            }
        }
        switch self {
        case .constant:
            return padded
        case .edge:
            guard let first = signal.first, let last = signal.last else { return padded }
            for i in 0..<amount {
                padded[i] = first
                padded[amount + signal.count + i] = last
            }
            return padded
        case .reflect:
            try reflect(signal, into: &padded, by: amount)
            return padded
        }
    }

    /// Fills the `amount` samples at each end of `padded` by NumPy's repeated reflection.
    private func reflect(_ signal: [Float], into padded: inout [Float], by amount: Int) throws {
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
    }
}
