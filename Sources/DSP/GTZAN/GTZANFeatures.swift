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
    public func callAsFunction(_ y: [Float]) throws -> [Double] {
        try Validate.audio(y)
        try Validate.positive(sampleRate, "sr")
        let spectrum = try stft(y)
        let magnitude = spectrum.magnitude(), power = spectrum.power()
        let hpss = HPSS()
        var groups: [String: [Double]] = [:]
        var filtered: [MedianFilter.Axis: Matrix] = [:]
        let firstStage: [() throws -> Part] = [
            { .filtered(.time, try hpss.harmonicFilter(magnitude)) },
            { .filtered(.frequency, try hpss.percussiveFilter(magnitude)) },
            { .groups(try melFeatures(power: power)) },
            { .groups(["chroma_stft": Statistics(try chromaSTFT(spectrogram: power, sampleRate: sampleRate).values).pair]) },
        ]
        for part in try ConcurrentJobs.run(firstStage, concurrently: concurrent) {
            switch part {
            case let .filtered(axis, matrix): filtered[axis] = matrix
            case let .groups(values): groups.merge(values) { $1 }
            }
        }
        let (harmonicFiltered, percussiveFiltered) = (filtered[.time]!, filtered[.frequency]!)
        let secondStage: [() throws -> [String: [Double]]] = [
            { try separationFeatures(y, spectrum: spectrum, harmonicFiltered: harmonicFiltered,
                                     percussiveFiltered: percussiveFiltered, hpss: hpss) },
            { try spectralShape(magnitude: magnitude) },
            { try signalFeatures(y) },
        ]
        for values in try ConcurrentJobs.run(secondStage, concurrently: concurrent) { groups.merge(values) { $1 } }
        return Self.groups.flatMap { groups[$0]! }
    }

    /// A result of one concurrent job of the first stage.
    private enum Part {
        case filtered(MedianFilter.Axis, Matrix)
        case groups([String: [Double]])
    }

    /// Statistics of the harmonic and percussive signals. With margins of 1 the two soft masks sum
    /// to one, so by linearity of the inverse STFT the percussive signal is `y` minus the harmonic
    /// one (`istft(stft(y)) = y`): one inverse STFT instead of two, equal to librosa's
    /// `effects.percussive` up to float rounding.
    private func separationFeatures(_ y: [Float], spectrum: ComplexMatrix, harmonicFiltered: Matrix,
                                    percussiveFiltered: Matrix, hpss: HPSS) throws -> [String: [Double]] {
        let mask = try hpss.harmonicMask(harmonicFiltered: harmonicFiltered, percussiveFiltered: percussiveFiltered)
        let harmonic = try stft.inverse(try hpss.apply(mask, to: spectrum), length: y.count)
        let percussive = zip(y, harmonic).map { $0 - $1 }
        return ["harmony": Statistics(harmonic).pair, "perceptr": Statistics(percussive).pair]
    }

    /// MFCC statistics and the (beat-tracker) tempo, both from `power_to_db` of the 128-band mel
    /// spectrogram.
    private func melFeatures(power: Matrix) throws -> [String: [Double]] {
        let decibels = try powerToDB(try melSpectrogram(spectrogram: power, sampleRate: sampleRate))
        let coefficients = try mfcc(logMel: decibels, nMFCC: Self.mfccCount)
        let envelope = try OnsetStrength(nFFT: stft.nFFT, hopLength: stft.hopLength, aggregate: .median)(melDecibels: decibels)
        let tempo = try Tempo(sampleRate: Double(sampleRate), hopLength: stft.hopLength)(onsetEnvelope: envelope)
        return ["mfcc": (0..<Self.mfccCount).flatMap { Statistics(coefficients.row($0)).pair }, "tempo": [tempo]]
    }

    /// Centroid, bandwidth and rolloff statistics of the magnitude spectrogram.
    private func spectralShape(magnitude: Matrix) throws -> [String: [Double]] {
        [
            "spectral_centroid": Statistics(try spectralCentroid(spectrogram: magnitude, sampleRate: sampleRate).values).pair,
            "spectral_bandwidth": Statistics(try spectralBandwidth(spectrogram: magnitude, sampleRate: sampleRate).values).pair,
            "rolloff": Statistics(try spectralRolloff(spectrogram: magnitude, sampleRate: sampleRate).values).pair,
        ]
    }

    /// RMS (framed signal, this preset's padding) and zero-crossing-rate statistics.
    private func signalFeatures(_ y: [Float]) throws -> [String: [Double]] {
        [
            "rms": Statistics(try rms(y: y, padMode: padMode).values).pair,
            "zero_crossing_rate": Statistics(try zeroCrossingRate(y).values).pair,
        ]
    }
}
