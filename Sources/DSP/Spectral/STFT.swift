/// Short-time Fourier transform settings, librosa's `stft` parameters and defaults.
///
/// `STFT()` is librosa's default analysis: `n_fft=2048`, `hop_length=512`, `win_length=n_fft`,
/// periodic Hann window, `center=True` with `pad_mode="constant"`.
public struct STFT: Hashable, Sendable {
    /// FFT size (`n_fft`).
    public var nFFT: Int
    /// Samples between frames (`hop_length`).
    public var hopLength: Int
    /// Window length (`win_length`), ≤ `nFFT`; the window is zero-padded to `nFFT`.
    public var winLength: Int
    /// The analysis window.
    public var window: Window
    /// Whether frame `t` is centred on sample `t * hopLength` (pads `nFFT / 2` on each side).
    public var center: Bool
    /// How `center` pads.
    public var padMode: PadMode

    /// librosa's defaults: `hopLength = winLength / 4`, `winLength = nFFT`.
    public init(nFFT: Int = 2048, hopLength: Int? = nil, winLength: Int? = nil, window: Window = .hann,
                center: Bool = true, padMode: PadMode = .constant) {
        self.nFFT = nFFT
        self.winLength = winLength ?? nFFT
        self.hopLength = hopLength ?? (winLength ?? nFFT) / 4
        self.window = window
        self.center = center
        self.padMode = padMode
    }

    /// Number of frequency rows of the output, `1 + nFFT / 2`.
    public var binCount: Int { nFFT / 2 + 1 }

    /// Throws unless the settings are usable.
    public func validate() throws {
        try Validate.positive(nFFT, "n_fft")
        try Validate.positive(hopLength, "hop_length")
        guard winLength > 0, winLength <= nFFT else {
            throw DSPError.invalidParameter(name: "win_length", value: "\(winLength)",
                                            requirement: "must be in 1...n_fft (\(nFFT))")
        }
    }

    /// The complex STFT of `y`: `binCount` rows × `frameCount` columns (librosa's `stft`).
    public func callAsFunction(_ y: [Float]) throws -> ComplexMatrix {
        let transformer = try prepare(y)
        let frames = transformer.framing.count, count = binCount * frames
        // Every element is written by the scatter, so the planes skip zero-filling.
        let values = [Float](unsafeUninitializedCapacity: 2 * count) { planes, initialized in
            let re = planes.baseAddress!, im = re + count
            transformer.forEachBlock { block in
                block.scatter(real: re, imaginary: im, columns: frames)
            }
            initialized = 2 * count
        }
        return ComplexMatrix(rows: binCount, columns: frames, values: values)
    }

    /// `|stft(y)| ** power` computed without materialising the complex matrix
    /// (librosa's `np.abs(stft(y)) ** power`).
    public func spectrogram(_ y: [Float], power: Float = 2) throws -> Matrix {
        try Validate.positive(power, "power")
        let transformer = try prepare(y)
        let frames = transformer.framing.count, count = binCount * frames
        let values = [Float](unsafeUninitializedCapacity: count) { values, initialized in
            let out = values.baseAddress!
            transformer.forEachBlock { block in
                switch power {
                case 2: block.scatter(into: out, columns: frames) { r, i in r * r + i * i }
                case 1: block.scatter(into: out, columns: frames) { r, i in (r * r + i * i).squareRoot() }
                default: block.scatter(into: out, columns: frames) { r, i in SpectralPower.apply(r * r + i * i, power: power) }
                }
            }
            initialized = count
        }
        return Matrix(rows: binCount, columns: frames, values: values)
    }

    /// The window padded to `nFFT`.
    var paddedWindow: [Float] { window.values(length: winLength, paddedTo: nFFT) }

    /// Validates `y` and the settings; returns the transformer over `y`'s frames.
    private func prepare(_ y: [Float]) throws -> FrameTransformer {
        FrameTransformer(framing: try framing(y), window: paddedWindow)
    }

    /// Validates `y` and the settings; returns `y`'s analysis frames.
    func framing(_ y: [Float]) throws -> Framing {
        try validate()
        return try Framing(y, frameLength: nFFT, hopLength: hopLength, center: center, padMode: padMode,
                           names: ("n_fft", "hop_length"))
    }
}

/// librosa's `stft`: the complex short-time Fourier transform of `y`.
public func stft(_ y: [Float], nFFT: Int = 2048, hopLength: Int? = nil, winLength: Int? = nil,
                 window: Window = .hann, center: Bool = true, padMode: PadMode = .constant) throws -> ComplexMatrix {
    try STFT(nFFT: nFFT, hopLength: hopLength, winLength: winLength, window: window,
             center: center, padMode: padMode)(y)
}
