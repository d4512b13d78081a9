/// librosa's `onset.onset_strength` on a (dB) spectrogram: spectral flux averaged over bins.
///
/// For each frame `t`, the mean over rows of `max(0, S[:, t] − S[:, t − lag])`, shifted right by
/// `lag` frames plus, with `center`, `nFFT / (2 · hopLength)` frames so that peaks line up with
/// the centred STFT frames, and cut to the spectrogram's frame count. librosa's defaults use
/// `power_to_db` of a 128-band mel power spectrogram (see ``callAsFunction(melDecibels:)``), no
/// local-max reference (`max_size=1`) and no detrending.
public struct OnsetStrength: Hashable, Sendable {
    /// How the rectified differences of one frame are reduced over bins (`aggregate`).
    public enum Aggregate: Hashable, Sendable {
        /// `np.mean`, `onset_strength`'s default.
        case mean
        /// `np.median`, what `beat.beat_track` uses (and with it the GTZAN table's tempo).
        case median
    }

    /// Frame distance of the difference (`lag`).
    public var lag: Int
    /// Whether the envelope is shifted to match centred STFT frames (`center`).
    public var center: Bool
    /// FFT size of the analysis the spectrogram came from (`n_fft`), for the centre shift.
    public var nFFT: Int
    /// Hop of the analysis the spectrogram came from (`hop_length`), for the centre shift.
    public var hopLength: Int
    /// Reduction over bins (`aggregate`).
    public var aggregate: Aggregate

    /// librosa's defaults: lag 1, centred, `n_fft=2048`, `hop_length=512`, mean over bins.
    public init(lag: Int = 1, center: Bool = true, nFFT: Int = 2048, hopLength: Int = 512,
                aggregate: Aggregate = .mean) {
        self.aggregate = aggregate
        self.lag = lag
        self.center = center
        self.nFFT = nFFT
        self.hopLength = hopLength
    }

    /// Frames of leading zeros before the first difference.
    public var leadingFrames: Int { lag + (center ? nFFT / (2 * hopLength) : 0) }

    /// The onset envelope of `spectrogram` (rows = bins, columns = frames): one value per frame.
    public func callAsFunction(melDecibels spectrogram: Matrix) throws -> [Float] {
        try Validate.positive(lag, "lag")
        try Validate.positive(nFFT, "n_fft")
        try Validate.positive(hopLength, "hop_length")
        let bins = spectrogram.rows, frames = spectrogram.columns
        guard bins > 0 else { throw DSPError.shapeMismatch("onset_strength needs a spectrogram with at least one row") }
        let outputCount = center ? frames : max(frames - lag, 0) + leadingFrames
        var envelope = [Float](repeating: 0, count: outputCount)
        let differences = max(frames - lag, 0)
        let shift = leadingFrames, lag = self.lag, aggregate = self.aggregate
        var column = [Float](repeating: 0, count: bins)
        spectrogram.values.withUnsafeBufferPointer { values in
            column.withUnsafeMutableBufferPointer { column in
                // Fewer frames than the shift (signals under ~1024 samples) leave the envelope all zeros.
                for t in 0..<max(0, min(differences, outputCount - shift)) {
                    for row in 0..<bins {
                        let line = values.baseAddress! + row * frames
                        column[row] = max(0, line[t + lag] - line[t])
                    }
                    envelope[t + shift] = Self.reduce(column, aggregate)
                }
            }
        }
        return envelope
    }

    /// The float32 mean or the NumPy median of `values`; reorders `values`.
    private static func reduce(_ values: UnsafeMutableBufferPointer<Float>, _ aggregate: Aggregate) -> Float {
        var values = values
        switch aggregate {
        case .mean:
            var sum: Float = 0
            for value in values { sum += value }
            return sum / Float(values.count)
        case .median:
            let middle = values.count / 2
            select(middle, in: &values)
            guard values.count % 2 == 0 else { return values[middle] }
            let below = values[..<middle].max()!
            return (below + values[middle]) / 2
        }
    }

    /// Reorders `values` so that `values[k]` is the value a sort would put there, everything
    /// before it is ≤ and everything after it ≥ (Hoare's quickselect, middle pivots).
    private static func select(_ k: Int, in values: inout UnsafeMutableBufferPointer<Float>) {
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j { high = j } else if k >= i { low = i } else { return }
        }
    }
}

extension OnsetStrength {
    /// librosa's `onset.onset_strength(y=...)` with its defaults: the envelope of
    /// `power_to_db(melspectrogram(y, fmax=sr/2))` (128 bands, power 2, top_db 80), using `stft`'s
    /// FFT size and hop for the centre shift.
    public func callAsFunction(_ y: [Float], sampleRate: Float = 22050, stft: STFT = STFT()) throws -> [Float] {
        let mel = try melSpectrogram(y: y, sampleRate: sampleRate, stft: stft, fMax: sampleRate / 2)
        var settings = self
        settings.nFFT = stft.nFFT
        settings.hopLength = stft.hopLength
        return try settings(melDecibels: try powerToDB(mel))
    }
}

/// librosa's `onset.onset_strength(y=...)` with default settings.
public func onsetStrength(_ y: [Float], sampleRate: Float = 22050, stft: STFT = STFT()) throws -> [Float] {
    try OnsetStrength()(y, sampleRate: sampleRate, stft: stft)
}
