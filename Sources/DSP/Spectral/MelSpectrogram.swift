/// A reusable mel spectrogram transform (torchaudio's `transforms.MelSpectrogram`, librosa's
/// `feature.melspectrogram` defaults): `|STFT|^power` through a ``MelFilterbank``.
public struct MelSpectrogram: Equatable, Sendable {
    /// The STFT settings.
    public let stft: STFT
    /// The mel filters, built once for `stft.nFFT`.
    public let filterbank: MelFilterbank
    /// Exponent of the magnitude (2 = power).
    public let power: Float

    /// librosa's `melspectrogram` parameters (`n_mels` 128, Slaney mel with Slaney norm).
    public init(sampleRate: Float = 22050, stft: STFT = STFT(), power: Float = 2, nMels: Int = 128,
                fMin: Float = 0, fMax: Float? = nil, htk: Bool = false, norm: MelNorm = .slaney) throws {
        try stft.validate()
        self.stft = stft
        self.power = power
        filterbank = try MelFilterbank(sampleRate: sampleRate, nFFT: stft.nFFT, nMels: nMels, fMin: fMin,
                                       fMax: fMax, htk: htk, norm: norm)
    }

    /// The mel spectrogram of `y`: `nMels` rows × frames.
    public func callAsFunction(_ y: [Float]) throws -> Matrix {
        try filterbank.apply(try stft.spectrogram(y, power: power))
    }
}

/// librosa's `feature.melspectrogram(y=...)`.
public func melSpectrogram(y: [Float], sampleRate: Float = 22050, stft: STFT = STFT(), power: Float = 2,
                           nMels: Int = 128, fMin: Float = 0, fMax: Float? = nil, htk: Bool = false,
                           norm: MelNorm = .slaney) throws -> Matrix {
    try MelSpectrogram(sampleRate: sampleRate, stft: stft, power: power, nMels: nMels, fMin: fMin,
                       fMax: fMax, htk: htk, norm: norm)(y)
}

/// librosa's `feature.melspectrogram(S=...)`: mel filters applied to a precomputed spectrogram
/// whose `1 + nFFT / 2` rows fix `nFFT`.
public func melSpectrogram(spectrogram: Matrix, sampleRate: Float = 22050, nMels: Int = 128, fMin: Float = 0,
                           fMax: Float? = nil, htk: Bool = false, norm: MelNorm = .slaney) throws -> Matrix {
    try Validate.spectrogram(spectrogram)
    return try MelFilterbank(sampleRate: sampleRate, nFFT: 2 * (spectrogram.rows - 1), nMels: nMels, fMin: fMin,
                      fMax: fMax, htk: htk, norm: norm).apply(spectrogram)
}
