/// librosa's `feature.spectral_centroid(S=...)`: the magnitude-weighted mean frequency of each
/// frame. Frames with no energy give 0. Returns `1 × frames`.
public func spectralCentroid(spectrogram S: Matrix, sampleRate: Float = 22050) throws -> Matrix {
    try Validate.spectrogram(S)
    return Matrix(rows: 1, columns: S.columns, values: SpectralMoments(S, sampleRate: sampleRate).centroids.map { Float($0) })
}

/// librosa's `feature.spectral_centroid(y=...)` on the magnitude spectrogram of `stft`.
public func spectralCentroid(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT()) throws -> Matrix {
    try spectralCentroid(spectrogram: try stft.spectrogram(y, power: 1), sampleRate: sampleRate)
}
