import Foundation

/// librosa's `pitch_tuning`: the most common deviation of `frequencies` from the equal-tempered
/// grid, in fractions of a bin, from a histogram with `resolution`-wide bins over [−0.5, 0.5).
/// Non-positive frequencies are ignored; no frequencies give 0.
public func pitchTuning(_ frequencies: [Float], resolution: Double = 0.01, binsPerOctave: Int = 12) throws -> Double {
    guard resolution > 0, resolution < 1 else {
        throw DSPError.invalidParameter(name: "resolution", value: "\(resolution)", requirement: "must lie in (0, 1)")
    }
    try Validate.positive(binsPerOctave, "bins_per_octave")
    let binCount = Int((1 / resolution).rounded(.up))
    let edges = MelScale.linspace(-0.5, 0.5, count: binCount + 1)
    var counts = [Int](repeating: 0, count: binCount)
    let reference = Float(440.0 / 16)
    for frequency in frequencies where frequency > 0 {
        // float32 like librosa's hz_to_octs on a float32 array.
        let octaves = Float(binsPerOctave) * log2(frequency / reference)
        var residual = octaves - octaves.rounded(.down)
        if residual >= 0.5 { residual -= 1 }
        counts[histogramBin(Double(residual), edges: edges)] += 1
    }
    guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }),
          counts[best] > 0 else { return 0 }
    return edges[best]
}

/// NumPy `histogram`'s bin for `value` over uniform `edges`, the last bin closed on the right.
private func histogramBin(_ value: Double, edges: [Double]) -> Int {
    let bins = edges.count - 1
    let first = edges[0], last = edges[bins]
    var index = min(Int((value - first) / (last - first) * Double(bins)), bins - 1)
    if value < edges[index] { index -= 1 }
    if index != bins - 1 && value >= edges[index + 1] { index += 1 }
    return index
}

/// librosa's `estimate_tuning(S=...)`: `pitchTuning` of the `piptrack` peaks whose magnitude is at
/// least the median peak magnitude. `S` is the spectrogram `piptrack` reads (power, for `chroma_stft`).
public func estimateTuning(spectrogram S: Matrix, sampleRate: Float = 22050, resolution: Double = 0.01,
                           binsPerOctave: Int = 12) throws -> Double {
    try Validate.spectrogram(S)
    return try estimateTuning(validated: S, sampleRate: sampleRate, resolution: resolution, binsPerOctave: binsPerOctave)
}

/// ``estimateTuning(spectrogram:sampleRate:resolution:binsPerOctave:)`` of a spectrogram already validated.
func estimateTuning(validated S: Matrix, sampleRate: Float, resolution: Double = 0.01,
                    binsPerOctave: Int) throws -> Double {
    let peaks = PitchPeaks(S, sampleRate: sampleRate, fMin: 150, fMax: 4000, threshold: 0.1).peaks
        .filter { $0.pitch > 0 }
    let threshold = median(peaks.map(\.magnitude))
    let strong = peaks.filter { $0.magnitude >= threshold }.map(\.pitch)
    return try pitchTuning(strong, resolution: resolution, binsPerOctave: binsPerOctave)
}

/// librosa's `estimate_tuning(y=...)` on the magnitude spectrogram of `stft`.
public func estimateTuning(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT(), resolution: Double = 0.01,
                           binsPerOctave: Int = 12) throws -> Double {
    try estimateTuning(spectrogram: try stft.spectrogram(y, power: 1), sampleRate: sampleRate,
                       resolution: resolution, binsPerOctave: binsPerOctave)
}

/// NumPy's median in `Float` (mean of the two middle values for even counts); 0 when empty.
private func median(_ values: [Float]) -> Float {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    let middle = sorted.count / 2
    return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
