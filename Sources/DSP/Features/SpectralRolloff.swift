/// librosa's `feature.spectral_rolloff(S=...)`: per frame, the frequency of the first bin at which
/// the cumulative energy reaches `rollPercent` of the total (summed in `Float` like NumPy's
/// `cumsum` on float32). Returns `1 × frames`.
public func spectralRolloff(spectrogram S: Matrix, sampleRate: Float = 22050, rollPercent: Float = 0.85) throws -> Matrix {
    guard rollPercent > 0, rollPercent < 1 else {
        throw DSPError.invalidParameter(name: "roll_percent", value: "\(rollPercent)", requirement: "must lie in (0, 1)")
    }
    try Validate.spectrogram(S)
    return spectralRolloff(validated: S, sampleRate: sampleRate, rollPercent: rollPercent)
}

/// ``spectralRolloff(spectrogram:sampleRate:rollPercent:)`` of a spectrogram already validated.
func spectralRolloff(validated S: Matrix, sampleRate: Float, rollPercent: Float = 0.85) -> Matrix {
    let frequencies = fftFrequencies(sampleRate: sampleRate, nFFT: 2 * (S.rows - 1))
    var thresholds = [Float](repeating: 0, count: S.columns)
    S.forEachRow { _, row in for t in 0..<row.count { thresholds[t] += row[t] } }
    for t in 0..<S.columns { thresholds[t] *= rollPercent }
    var running = [Float](repeating: 0, count: S.columns)
    var rolloff = [Float](repeating: -1, count: S.columns)
    S.forEachRow { k, row in
        for t in 0..<row.count where rolloff[t] < 0 {
            running[t] += row[t]
            if running[t] >= thresholds[t] { rolloff[t] = Float(frequencies[k]) }
        }
    }
    return Matrix(rows: 1, columns: S.columns, values: rolloff)
}

/// librosa's `feature.spectral_rolloff(y=...)` on the magnitude spectrogram of `stft`.
public func spectralRolloff(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT(),
                            rollPercent: Float = 0.85) throws -> Matrix {
    try spectralRolloff(spectrogram: try stft.spectrogram(y, power: 1), sampleRate: sampleRate, rollPercent: rollPercent)
}
