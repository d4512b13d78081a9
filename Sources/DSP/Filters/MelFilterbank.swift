/// Normalisation of mel filters.
public enum MelNorm: Hashable, Sendable {
    /// Divide each triangle by its width in Hz (constant energy per channel): librosa's `"slaney"`.
    case slaney
    /// Peak-one triangles (`norm=None`).
    case none
}

/// librosa's `filters.mel`: `nMels` triangular filters over the `1 + nFFT / 2` FFT bins.
public struct MelFilterbank: Equatable, Sendable {
    /// The filters: `nMels` rows × `1 + nFFT / 2` columns.
    public let weights: Matrix

    /// Builds the filterbank. `fMax` defaults to `sampleRate / 2`.
    public init(sampleRate: Float = 22050, nFFT: Int = 2048, nMels: Int = 128, fMin: Float = 0,
                fMax: Float? = nil, htk: Bool = false, norm: MelNorm = .slaney) throws {
        try Validate.positive(sampleRate, "sr")
        try Validate.positive(nFFT, "n_fft")
        try Validate.positive(nMels, "n_mels")
        let fMax = Double(fMax ?? sampleRate / 2)
        guard fMin >= 0, Double(fMin) < fMax else {
            throw DSPError.invalidParameter(name: "fmin", value: "\(fMin)", requirement: "must be in [0, fmax=\(fMax))")
        }
        let frequencies = fftFrequencies(sampleRate: sampleRate, nFFT: nFFT)
        let edges = MelScale.melFrequencies(count: nMels + 2, fMin: Double(fMin), fMax: fMax, htk: htk)
        var values = [Float](repeating: 0, count: nMels * frequencies.count)
        for m in 0..<nMels {
            let lowWidth = edges[m + 1] - edges[m], highWidth = edges[m + 2] - edges[m + 1]
            let scale = norm == .slaney ? 2 / (edges[m + 2] - edges[m]) : 1
            for (k, f) in frequencies.enumerated() {
                let rising = (f - edges[m]) / lowWidth, falling = (edges[m + 2] - f) / highWidth
                let triangle = Float(max(0, min(rising, falling)))
                values[m * frequencies.count + k] = Float(Double(triangle) * scale)
            }
        }
        weights = Matrix(rows: nMels, columns: frequencies.count, values: values)
    }

    /// `weights × S`: the mel spectrogram of a (power) spectrogram with `1 + nFFT / 2` rows.
    public func apply(_ spectrogram: Matrix) throws -> Matrix {
        try weights.multiplied(by: spectrogram)
    }
}
