import Foundation

/// librosa's `filters.chroma`: Gaussian bumps that map the `1 + nFFT / 2` FFT bins onto `nChroma`
/// pitch classes, weighted by a Gaussian over octaves. Built in `Double`, stored as `Float`.
public struct ChromaFilterbank: Equatable, Sendable {
    /// The filters: `nChroma` rows × `1 + nFFT / 2` columns.
    public let weights: Matrix

    /// `tuning` is in fractions of a chroma bin; `ctroct`/`octwidth` centre and spread the octave
    /// weighting (`octwidth: nil` disables it); `norm` normalises each bin's column; `baseC` starts at C.
    public init(sampleRate: Float = 22050, nFFT: Int = 2048, nChroma: Int = 12, tuning: Double = 0,
                ctroct: Double = 5, octwidth: Double? = 2, norm: Float? = 2, baseC: Bool = true) throws {
        try Validate.positive(sampleRate, "sr")
        try Validate.positive(nFFT, "n_fft")
        try Validate.positive(nChroma, "n_chroma")
        let chroma = Double(nChroma)
        let step = Double(sampleRate) / Double(nFFT)
        let reference = 440 * pow(2, tuning / chroma) / 16
        var bins = (1..<nFFT).map { chroma * log2(Double($0) * step / reference) }
        bins.insert((bins.first ?? 0) - 1.5 * chroma, at: 0)
        let widths = bins.indices.map { $0 + 1 < bins.count ? max(bins[$0 + 1] - bins[$0], 1) : 1 }
        let half = (chroma / 2).rounded(.toNearestOrEven)
        var dense = Matrix(rows: nChroma, columns: nFFT)
        for c in 0..<nChroma {
            for (j, bin) in bins.enumerated() {
                let distance = remainder(bin - Double(c) + half + 10 * chroma, modulus: chroma) - half
                let scaled = 2 * distance / widths[j]
                dense[c, j] = Float(exp(-0.5 * scaled * scaled))
            }
        }
        dense = try dense.normalizedColumns(norm: norm)
        let shift = baseC ? 3 * (nChroma / 12) : 0
        let keep = nFFT / 2 + 1
        var values = [Float](repeating: 0, count: nChroma * keep)
        for c in 0..<nChroma {
            let source = (c + shift) % nChroma
            for j in 0..<keep {
                let octave = octwidth.map { exp(-0.5 * pow((bins[j] / chroma - ctroct) / $0, 2)) } ?? 1
                values[c * keep + j] = Float(Double(dense[source, j]) * octave)
            }
        }
        weights = Matrix(rows: nChroma, columns: keep, values: values)
    }

    /// `weights × S`: raw (unnormalised) chroma of a power spectrogram with `1 + nFFT / 2` rows.
    public func apply(_ spectrogram: Matrix) throws -> Matrix {
        try weights.multiplied(by: spectrogram)
    }
}

/// NumPy's `remainder`: the result has the sign of the modulus.
private func remainder(_ value: Double, modulus: Double) -> Double {
    let r = fmod(value, modulus)
    return r != 0 && (r < 0) != (modulus < 0) ? r + modulus : r
}
