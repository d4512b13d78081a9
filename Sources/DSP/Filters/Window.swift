import Foundation

/// An analysis window, as `scipy.signal.get_window` builds it for librosa.
///
/// Windows are periodic (`fftbins=True`), the form `stft` uses.
public enum Window: Hashable, Sendable {
    /// Hann (`"hann"`), librosa's default.
    case hann
    /// Hamming (`"hamming"`).
    case hamming
    /// Blackman (`"blackman"`).
    case blackman
    /// All ones (`"boxcar"` / `"ones"`).
    case rectangular

    /// The window's coefficients (cosine-sum coefficients for `general_cosine`).
    private var cosineCoefficients: [Double] {
        switch self {
        case .hann: return [0.5, 0.5]
        case .hamming: return [0.54, 0.46]
        case .blackman: return [0.42, 0.5, 0.08]
        case .rectangular: return [1]
        }
    }

    /// `length` samples of the window; `periodic` windows are the first `length` samples of a
    /// symmetric window of `length + 1`. Computed in `Double`, returned as `Float`.
    public func values(length: Int, periodic: Bool = true) -> [Float] {
        guard length > 1 else { return [Float](repeating: 1, count: max(length, 0)) }
        let span = Double(periodic ? length : length - 1)
        let coefficients = cosineCoefficients
        return (0..<length).map { n in
            var sum = 0.0
            for (k, a) in coefficients.enumerated() {
                let sign: Double = k % 2 == 0 ? 1 : -1
                sum += sign * a * cos(2 * Double.pi * Double(k) * Double(n) / span)
            }
            return Float(sum)
        }
    }

    /// The window of `length` zero-padded on both sides to `size` (librosa's `pad_center`).
    public func values(length: Int, paddedTo size: Int) -> [Float] {
        var padded = [Float](repeating: 0, count: size)
        let offset = (size - length) / 2
        for (i, value) in values(length: length).enumerated() { padded[offset + i] = value }
        return padded
    }
}
