/// librosa's `feature.chroma_stft(S=...)` on a power spectrogram: chroma filters (tuned by
/// `estimateTuning` when `tuning` is nil) applied to `S`, each frame normalised by `norm`
/// (`.infinity` = peak 1). Returns `nChroma × frames`.
public func chromaSTFT(spectrogram S: Matrix, sampleRate: Float = 22050, norm: Float? = .infinity,
                       tuning: Double? = nil, nChroma: Int = 12) throws -> Matrix {
    try Validate.spectrogram(S)
    return try chromaSTFT(validated: S, sampleRate: sampleRate, norm: norm, tuning: tuning, nChroma: nChroma)
}

/// ``chromaSTFT(spectrogram:sampleRate:norm:tuning:nChroma:)`` of a spectrogram already validated.
func chromaSTFT(validated S: Matrix, sampleRate: Float, norm: Float? = .infinity, tuning: Double? = nil,
                nChroma: Int = 12) throws -> Matrix {
    let tuning = try tuning ?? estimateTuning(validated: S, sampleRate: sampleRate, binsPerOctave: nChroma)
    let filterbank = try ChromaFilterbank(sampleRate: sampleRate, nFFT: 2 * (S.rows - 1), nChroma: nChroma, tuning: tuning)
    return try filterbank.apply(S).normalizedColumns(norm: norm)
}

/// librosa's `feature.chroma_stft(y=...)` on the power spectrogram of `stft`.
public func chromaSTFT(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT(), norm: Float? = .infinity,
                       tuning: Double? = nil, nChroma: Int = 12) throws -> Matrix {
    try chromaSTFT(spectrogram: try stft.spectrogram(y, power: 2), sampleRate: sampleRate, norm: norm,
                   tuning: tuning, nChroma: nChroma)
}
