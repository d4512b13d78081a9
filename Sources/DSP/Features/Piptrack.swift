/// librosa's `piptrack(S=...)`: pitch candidates at the local maxima (along frequency) of a
/// spectrogram that exceed `threshold` × the frame's maximum, refined by parabolic interpolation.
///
/// Returns two matrices shaped like `S`: the interpolated frequency in Hz of each peak (0 elsewhere)
/// and its interpolated magnitude. Only bins with `fMin ≤ f < fMax` are considered (so never the
/// first or the Nyquist bin).
public func piptrack(spectrogram S: Matrix, sampleRate: Float = 22050, fMin: Float = 150, fMax: Float = 4000,
                     threshold: Float = 0.1) throws -> (pitches: Matrix, magnitudes: Matrix) {
    try Validate.spectrogram(S)
    var pitches = Matrix(rows: S.rows, columns: S.columns)
    var magnitudes = pitches
    for peak in PitchPeaks(S, sampleRate: sampleRate, fMin: fMin, fMax: fMax, threshold: threshold).peaks {
        pitches.values[peak.index] = peak.pitch
        magnitudes.values[peak.index] = peak.magnitude
    }
    return (pitches, magnitudes)
}

/// The peaks `piptrack` reports, as a list: the flat index into `S`, pitch in Hz and magnitude.
struct PitchPeaks {
    struct Peak {
        var index: Int
        var pitch: Float
        var magnitude: Float
    }

    /// Peaks in row-major order of `S`.
    var peaks: [Peak] = []

    /// The peaks of a validated spectrogram `S`.
    init(_ S: Matrix, sampleRate: Float, fMin: Float, fMax: Float, threshold: Float) {
        let nFFT = 2 * (S.rows - 1), frames = S.columns
        let frequencies = fftFrequencies(sampleRate: sampleRate, nFFT: nFFT)
        let low = Double(max(fMin, 0)), high = Double(min(fMax, sampleRate / 2))
        var floors = [Float](repeating: 0, count: frames)
        S.forEachRow { _, row in for t in 0..<frames { floors[t] = max(floors[t], row[t]) } }
        for t in 0..<frames { floors[t] *= threshold }
        let binScale = Double(sampleRate) / Double(nFFT)
        S.values.withUnsafeBufferPointer { s in
            for k in 1..<S.rows - 1 where low <= frequencies[k] && frequencies[k] < high {
                for t in 0..<frames {
                    let previous = s[(k - 1) * frames + t], current = s[k * frames + t], next = s[(k + 1) * frames + t]
                    let floor = floors[t]
                    // Local maximum of S gated at the floor (values at or below it count as 0).
                    guard current > floor, current > (previous > floor ? previous : 0),
                          current >= (next > floor ? next : 0) else { continue }
                    let shift = Self.parabolicShift(previous, current, next)
                    peaks.append(Peak(index: k * frames + t,
                                      pitch: Float((Double(k) + Double(shift)) * binScale),
                                      magnitude: current + 0.5 * ((next - previous) / 2) * shift))
                }
            }
        }
    }

    /// The offset of the vertex of the parabola through three neighbours, or 0 when it falls outside
    /// ±1 bin (librosa's `_parabolic_interpolation`, with its float32 sums and float64 ratio).
    private static func parabolicShift(_ previous: Float, _ current: Float, _ next: Float) -> Float {
        let a = Double(next + previous) - 2 * Double(current)
        let b = Double(next - previous) / 2
        return abs(b) >= abs(a) ? 0 : Float(-b / a)
    }
}
