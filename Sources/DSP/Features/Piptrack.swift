/// librosa's `piptrack(S=...)`: pitch candidates at the local maxima (along frequency) of a
/// spectrogram that exceed `threshold` × the frame's maximum, refined by parabolic interpolation.
///
/// Returns two matrices shaped like `S`: the interpolated frequency in Hz of each peak (0 elsewhere)
/// and its interpolated magnitude. Only bins with `fMin ≤ f < fMax` are considered.
public func piptrack(spectrogram S: Matrix, sampleRate: Float = 22050, fMin: Float = 150, fMax: Float = 4000,
                     threshold: Float = 0.1) throws -> (pitches: Matrix, magnitudes: Matrix) {
    try Validate.spectrogram(S)
    let nFFT = 2 * (S.rows - 1)
    let frequencies = fftFrequencies(sampleRate: sampleRate, nFFT: nFFT)
    let low = Double(max(fMin, 0)), high = Double(min(fMax, sampleRate / 2))
    var pitches = Matrix(rows: S.rows, columns: S.columns)
    var magnitudes = pitches
    var column = [Float](repeating: 0, count: S.rows)
    var gated = column
    for t in 0..<S.columns {
        for k in 0..<S.rows { column[k] = S[k, t] }
        let floor = threshold * (column.max() ?? 0)
        for k in 0..<S.rows { gated[k] = column[k] > floor ? column[k] : 0 }
        for k in 1..<S.rows - 1 where low <= frequencies[k] && frequencies[k] < high
            && gated[k] > gated[k - 1] && gated[k] >= gated[k + 1] {
            let shift = parabolicShift(column[k - 1], column[k], column[k + 1])
            let slope = (column[k + 1] - column[k - 1]) / 2
            pitches[k, t] = Float((Double(k) + Double(shift)) * Double(sampleRate) / Double(nFFT))
            magnitudes[k, t] = column[k] + 0.5 * slope * shift
        }
    }
    return (pitches, magnitudes)
}

/// The offset of the vertex of the parabola through three neighbours, or 0 when it falls outside
/// ±1 bin (librosa's `_parabolic_interpolation`, with its float32 sums and float64 ratio).
private func parabolicShift(_ previous: Float, _ current: Float, _ next: Float) -> Float {
    let a = Double(next + previous) - 2 * Double(current)
    let b = Double(next - previous) / 2
    return abs(b) >= abs(a) ? 0 : Float(-b / a)
}
