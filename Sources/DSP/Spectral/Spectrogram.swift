/// torchaudio's `transforms.Spectrogram`: `|STFT| ** power` with torchaudio's defaults
/// (`n_fft=400`, `hop_length=win_length/2`, periodic Hann, centred with `reflect` padding).
///
/// `Spectrogram(nFFT: 1024, hopLength: 512, power: 2)` is the SE-CNN input: 513 × 130 for 3 s at 22.05 kHz.
public struct Spectrogram: Hashable, Sendable {
    /// The underlying STFT settings.
    public var stft: STFT
    /// Exponent of the magnitude (1 = magnitude, 2 = power).
    public var power: Float

    /// torchaudio's `Spectrogram(n_fft, win_length, hop_length, pad, window_fn, power, ..., center, pad_mode)`.
    public init(nFFT: Int = 400, winLength: Int? = nil, hopLength: Int? = nil, window: Window = .hann,
                power: Float = 2, center: Bool = true, padMode: PadMode = .reflect) {
        let winLength = winLength ?? nFFT
        stft = STFT(nFFT: nFFT, hopLength: hopLength ?? winLength / 2, winLength: winLength,
                    window: window, center: center, padMode: padMode)
        self.power = power
    }

    /// The spectrogram of `y`: `1 + nFFT / 2` rows × frames.
    public func callAsFunction(_ y: [Float]) throws -> Matrix {
        try stft.spectrogram(y, power: power)
    }
}
