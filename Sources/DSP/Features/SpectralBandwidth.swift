/// librosa's `feature.spectral_bandwidth(S=...)`: per frame, the `p`-th root of the
/// (normalised) magnitude-weighted `p`-th moment of the distance to the spectral centroid.
/// Returns `1 × frames`.
public func spectralBandwidth(spectrogram S: Matrix, sampleRate: Float = 22050, p: Float = 2,
                              normalize: Bool = true) throws -> Matrix {
    try Validate.spectrogram(S)
    try Validate.positive(p, "p")
    let bandwidths = SpectralMoments(S, sampleRate: sampleRate).bandwidths(p: Double(p), normalize: normalize)
    return Matrix(rows: 1, columns: S.columns, values: bandwidths.map { Float($0) })
}

/// librosa's `feature.spectral_bandwidth(y=...)` on the magnitude spectrogram of `stft`.
public func spectralBandwidth(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT(), p: Float = 2,
                              normalize: Bool = true) throws -> Matrix {
    try spectralBandwidth(spectrogram: try stft.spectrogram(y, power: 1), sampleRate: sampleRate, p: p,
                          normalize: normalize)
}
