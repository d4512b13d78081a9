import Foundation

/// librosa's default global tempo estimate (`feature.rhythm.tempo`, formerly `beat.tempo`).
///
/// The autocorrelation ``Tempogram`` of the onset envelope over `acSize` seconds is averaged over
/// frames; each lag's BPM gets a log-normal prior centred on `startBPM` with `stdBPM` octaves of
/// spread, lags faster than `maxTempo` are excluded, and the estimate is the BPM of the lag that
/// maximises `log1p(1e6 · tempogram) + log prior`.
public struct Tempo: Hashable, Sendable {
    /// Sample rate of the analysed audio (`sr`).
    public var sampleRate: Double
    /// Hop between onset frames in samples (`hop_length`).
    public var hopLength: Int
    /// Centre of the prior in BPM (`start_bpm`).
    public var startBPM: Double
    /// Spread of the prior in octaves (`std_bpm`).
    public var stdBPM: Double
    /// Length of the autocorrelation window in seconds (`ac_size`).
    public var acSize: Double
    /// Upper tempo limit in BPM (`max_tempo`), or nil for none.
    public var maxTempo: Double?

    /// librosa's defaults: 22050 Hz, hop 512, prior at 120 BPM with 1 octave, 8 s window, 320 BPM cap.
    public init(sampleRate: Double = 22050, hopLength: Int = 512, startBPM: Double = 120, stdBPM: Double = 1,
                acSize: Double = 8, maxTempo: Double? = 320) {
        self.sampleRate = sampleRate
        self.hopLength = hopLength
        self.startBPM = startBPM
        self.stdBPM = stdBPM
        self.acSize = acSize
        self.maxTempo = maxTempo
    }

    /// Tempogram window in onset frames: `acSize` seconds, rounded down (`time_to_frames`).
    public var winLength: Int { Int((acSize * sampleRate / Double(hopLength)).rounded(.down)) }

    /// The BPM of each tempogram lag: infinity for lag 0, then `60 · sr / (hop · lag)`
    /// (librosa's `tempo_frequencies`).
    public var lagFrequencies: [Double] {
        (0..<winLength).map { $0 == 0 ? .infinity : 60 * sampleRate / (Double(hopLength) * Double($0)) }
    }

    /// The estimated tempo in BPM of the onset envelope `onsetEnvelope`.
    public func callAsFunction(onsetEnvelope: [Float]) throws -> Double {
        try validate()
        let strengths = try Tempogram(winLength: winLength).lagMeans(onsetEnvelope: onsetEnvelope)
        let bpms = lagFrequencies
        let firstAllowed = maxTempo.flatMap { limit in bpms.firstIndex { $0 < limit } } ?? 0
        var best = 0
        var bestScore = -Double.infinity
        for lag in firstAllowed..<strengths.count {
            let score = Double(log1p(1e6 * Float(strengths[lag]))) + logPrior(bpms[lag])
            if score > bestScore {
                bestScore = score
                best = lag
            }
        }
        return bpms[best]
    }

    /// `-½ ((log2 bpm − log2 startBPM) / stdBPM)²`.
    private func logPrior(_ bpm: Double) -> Double {
        let z = (log2(bpm) - log2(startBPM)) / stdBPM
        return -0.5 * z * z
    }

    /// Throws unless the settings are usable.
    public func validate() throws {
        guard startBPM > 0, startBPM.isFinite else {
            throw DSPError.invalidParameter(name: "start_bpm", value: "\(startBPM)", requirement: "must be positive")
        }
        guard stdBPM > 0, stdBPM.isFinite else {
            throw DSPError.invalidParameter(name: "std_bpm", value: "\(stdBPM)", requirement: "must be positive")
        }
        guard sampleRate > 0, sampleRate.isFinite else {
            throw DSPError.invalidParameter(name: "sr", value: "\(sampleRate)", requirement: "must be positive")
        }
        try Validate.positive(hopLength, "hop_length")
        guard winLength > 0 else {
            throw DSPError.invalidParameter(name: "ac_size", value: "\(acSize)",
                                            requirement: "must span at least one onset frame")
        }
    }
}

/// librosa's `feature.tempo(y=y, sr=sr)`: the default global tempo estimate of `y` in BPM, from its
/// default onset envelope (see ``onsetStrength(_:sampleRate:stft:)``).
public func tempo(_ y: [Float], sampleRate: Float = 22050, stft: STFT = STFT()) throws -> Double {
    let envelope = try onsetStrength(y, sampleRate: sampleRate, stft: stft)
    return try Tempo(sampleRate: Double(sampleRate), hopLength: stft.hopLength)(onsetEnvelope: envelope)
}
