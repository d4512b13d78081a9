import Foundation

/// The 57 numeric feature columns of the Kaggle GTZAN table `features_30_sec.csv`, in its order:
/// mean and population variance over frames of chroma_stft, rms, spectral centroid, spectral
/// bandwidth, rolloff and zero-crossing rate, mean and variance of the harmonic and percussive
/// HPSS signals (`harmony`, `perceptr`), the tempo, then mean and variance of each of 20 MFCCs —
/// all with librosa's default parameters.
///
/// The table's tempo is `librosa.beat.beat_track`'s: librosa's default tempo estimator on an onset
/// envelope aggregated over mel bands by the median (``OnsetStrength/Aggregate/median``), which
/// reproduces the table where `onset_strength`'s default mean does not.
///
/// The table was made with librosa < 0.9, whose centred frames were padded by reflection, so
/// ``PadMode/reflect`` is the default here (the GTZAN preset); ``PadMode/constant`` gives
/// librosa ≥ 0.9's defaults. One STFT is shared by all spectral features, one power mel
/// spectrogram by the MFCCs and the onset envelope; independent features run concurrently when
/// `concurrent` is true.
public struct GTZANFeatures: Hashable, Sendable {
    /// Feature groups in column order; each gives `_mean` and `_var` columns except `tempo`.
    private static let groups = ["chroma_stft", "rms", "spectral_centroid", "spectral_bandwidth", "rolloff",
                                 "zero_crossing_rate", "harmony", "perceptr", "tempo", "mfcc"]
    private static let mfccCount = 20

    /// The 57 column names, as in the header of `features_30_sec.csv`.
    public static let columnNames: [String] = groups.flatMap { group -> [String] in
        switch group {
        case "tempo": return ["tempo"]
        case "mfcc": return (1...mfccCount).flatMap { ["mfcc\($0)_mean", "mfcc\($0)_var"] }
        default: return ["\(group)_mean", "\(group)_var"]
        }
    }

    /// Sample rate of the signals, in Hz (the table's is 22050).
    public var sampleRate: Float
    /// Centre padding of the STFT and RMS frames: `.reflect` reproduces the table.
    public var padMode: PadMode
    /// Whether independent features are computed on several cores at once.
    public var concurrent: Bool

    /// The GTZAN preset: 22050 Hz, reflect padding, concurrent.
    public init(sampleRate: Float = 22050, padMode: PadMode = .reflect, concurrent: Bool = true) {
        self.sampleRate = sampleRate
        self.padMode = padMode
        self.concurrent = concurrent
    }

    /// The shared analysis: librosa's default STFT with this preset's padding.
    public var stft: STFT { STFT(padMode: padMode) }

    /// The 57 feature values of `y`, in ``columnNames`` order.
    /// - Throws: `DSPError` for empty or non-finite signals, and for finite samples so large (a damaged float
    ///   file: 1e38) that the power spectra overflow `Float` and a feature would be NaN or infinite.
    public func callAsFunction(_ y: [Float]) throws -> [Double] {
        try Validate.positive(sampleRate, "sr")
        let framing = try stft.framing(y)
        let row = try AnalysisWorkspace.withWorkspace(for: stft) { workspace in
            try features(of: framing, in: workspace)
        }
        if let column = row.firstIndex(where: { !$0.isFinite }) {
            let peak = y.reduce(Float(0)) { max($0, abs($1)) }
            throw DSPError.invalidParameter(name: "y", value: "samples up to \(peak)", requirement:
                "\(Self.columnNames[column]) overflows Float at this amplitude (audio lies near [-1, 1])")
        }
        return row
    }

    /// The vector of the (validated) frames of a track, computed in `workspace`: one STFT gives
    /// the magnitude and power spectrograms every spectral feature reads.
    private func features(of framing: Framing, in workspace: AnalysisWorkspace) throws -> [Double] {
        workspace.analyze(framing, window: stft.paddedWindow)
        let hpss = HPSS()
        let firstStage: [() throws -> [String: [Double]]] = [
            { try hpss.filter(.harmonic, in: workspace); return [:] },
            { try hpss.filter(.percussive, in: workspace); return [:] },
            { try melFeatures(power: workspace.power, in: workspace) },
            { ["chroma_stft": Statistics(try chromaSTFT(validated: workspace.power, sampleRate: sampleRate).values).pair] },
        ]
        let secondStage: [() throws -> [String: [Double]]] = [
            { separationFeatures(framing, in: workspace, hpss: hpss) },
            { spectralShape(magnitude: workspace.magnitude) },
            { signalFeatures(framing) },
        ]
        var groups: [String: [Double]] = [:]
        for stage in [firstStage, secondStage] {
            for values in try ConcurrentJobs.run(stage, concurrently: concurrent) { groups.merge(values) { $1 } }
        }
        return Self.groups.flatMap { groups[$0]! }
    }

    /// Statistics of the harmonic and percussive signals. With margins of 1 the two soft masks sum
    /// to one, so by linearity of the inverse STFT the percussive signal is `y` minus the harmonic
    /// one (`istft(stft(y)) = y`): one synthesis instead of two, equal to librosa's
    /// `effects.percussive` up to float rounding.
    private func separationFeatures(_ framing: Framing, in workspace: AnalysisWorkspace, hpss: HPSS) -> [String: [Double]] {
        hpss.withSeparated(.harmonic, of: framing, stft: stft, in: workspace) { harmonic in
            framing.signal.withUnsafeBufferPointer { y in
                ["harmony": Statistics(count: y.count) { harmonic[$0] }.pair,
                 "perceptr": Statistics(count: y.count) { y[$0] - harmonic[$0] }.pair]
            }
        }
    }

    /// MFCC statistics and the (beat-tracker) tempo, both from `power_to_db` of the 128-band mel
    /// spectrogram.
    private func melFeatures(power: Matrix, in workspace: AnalysisWorkspace) throws -> [String: [Double]] {
        let filterbank = try workspace.melFilterbank(sampleRate: sampleRate, nFFT: stft.nFFT)
        let decibels = try powerToDB(try filterbank.apply(power))
        let coefficients = try mfcc(logMel: decibels, nMFCC: Self.mfccCount)
        let envelope = try OnsetStrength(nFFT: stft.nFFT, hopLength: stft.hopLength, aggregate: .median)(melDecibels: decibels)
        let tempo = try Tempo(sampleRate: Double(sampleRate), hopLength: stft.hopLength)(onsetEnvelope: envelope)
        return ["mfcc": (0..<Self.mfccCount).flatMap { Statistics(coefficients.row($0)).pair }, "tempo": [tempo]]
    }

    /// Centroid, bandwidth and rolloff statistics of the magnitude spectrogram (one pass of
    /// spectral moments for the first two).
    private func spectralShape(magnitude: Matrix) -> [String: [Double]] {
        let moments = SpectralMoments(magnitude, sampleRate: sampleRate)
        return [
            "spectral_centroid": Statistics(moments.centroids.lazy.map { Float($0) }).pair,
            "spectral_bandwidth": Statistics(moments.bandwidths(p: 2, normalize: true).lazy.map { Float($0) }).pair,
            "rolloff": Statistics(spectralRolloff(validated: magnitude, sampleRate: sampleRate).values).pair,
        ]
    }

    /// RMS (the STFT's frames and padding) and zero-crossing-rate (edge padding) statistics.
    private func signalFeatures(_ framing: Framing) -> [String: [Double]] {
        var edgePadded = framing
        edgePadded.padMode = .edge
        return [
            "rms": Statistics(rms(framing).values).pair,
            "zero_crossing_rate": Statistics(zeroCrossingRate(edgePadded).values).pair,
        ]
    }
}
