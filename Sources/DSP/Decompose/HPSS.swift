/// Harmonic–percussive source separation by median filtering (Fitzgerald 2010), librosa's
/// `decompose.hpss` and `effects.hpss` with their defaults: kernel 31, soft masks of power 2,
/// margin 1.
///
/// The harmonic part keeps what is smooth in time (median along frames), the percussive part
/// what is smooth in frequency (median along bins). The work splits into steps that callers can
/// schedule themselves: ``medianFilters(of:)``, ``masks(harmonicFiltered:percussiveFiltered:)``,
/// ``apply(_:to:)``.
public struct HPSS: Hashable, Sendable {
    /// Median-filter length along time for the harmonic part (`kernel_size[0]`).
    public var harmonicKernelSize: Int
    /// Median-filter length along frequency for the percussive part (`kernel_size[1]`).
    public var percussiveKernelSize: Int
    /// Soft-mask exponent (`power`).
    public var power: Float
    /// Harmonic margin (`margin[0]`), ≥ 1.
    public var harmonicMargin: Float
    /// Percussive margin (`margin[1]`), ≥ 1.
    public var percussiveMargin: Float

    /// librosa's defaults: kernel 31 both ways, power 2, margin 1.
    public init(kernelSize: Int = 31, power: Float = 2, margin: Float = 1) {
        self.init(harmonicKernelSize: kernelSize, percussiveKernelSize: kernelSize, power: power,
                  harmonicMargin: margin, percussiveMargin: margin)
    }

    /// Separate kernel sizes and margins for the two parts.
    public init(harmonicKernelSize: Int, percussiveKernelSize: Int, power: Float = 2,
                harmonicMargin: Float = 1, percussiveMargin: Float = 1) {
        self.harmonicKernelSize = harmonicKernelSize
        self.percussiveKernelSize = percussiveKernelSize
        self.power = power
        self.harmonicMargin = harmonicMargin
        self.percussiveMargin = percussiveMargin
    }

    /// The filter that enhances the harmonic part (along time).
    public var harmonicFilter: MedianFilter { MedianFilter(size: harmonicKernelSize, axis: .time) }
    /// The filter that enhances the percussive part (along frequency).
    public var percussiveFilter: MedianFilter { MedianFilter(size: percussiveKernelSize, axis: .frequency) }

    /// Throws unless the kernels are odd and positive, the margins ≥ 1 and the power positive.
    public func validate() throws {
        try harmonicFilter.validate()
        try percussiveFilter.validate()
        guard harmonicMargin >= 1, percussiveMargin >= 1 else {
            throw DSPError.invalidParameter(name: "margin", value: "(\(harmonicMargin), \(percussiveMargin))",
                                            requirement: "margins must be >= 1")
        }
        try Validate.positive(power, "power")
    }

    /// Step 1: the magnitude spectrogram median-filtered along time (harmonic) and along
    /// frequency (percussive). The two filters are independent; callers may run
    /// ``harmonicFilter`` and ``percussiveFilter`` concurrently instead.
    public func medianFilters(of magnitude: Matrix) throws -> (harmonic: Matrix, percussive: Matrix) {
        try validate()
        return (try harmonicFilter(magnitude), try percussiveFilter(magnitude))
    }

    /// Step 2: the soft masks from the two filtered spectrograms.
    public func masks(harmonicFiltered: Matrix, percussiveFiltered: Matrix) throws
        -> (harmonic: Matrix, percussive: Matrix) {
        (try harmonicMask(harmonicFiltered: harmonicFiltered, percussiveFiltered: percussiveFiltered),
         try percussiveMask(harmonicFiltered: harmonicFiltered, percussiveFiltered: percussiveFiltered))
    }

    /// Step 2, harmonic half: `softmask(H, P · harmonicMargin)`.
    public func harmonicMask(harmonicFiltered: Matrix, percussiveFiltered: Matrix) throws -> Matrix {
        try validate()
        return try softmask(harmonicFiltered, reference: scaled(percussiveFiltered, by: harmonicMargin),
                            power: power, splitZeros: splitZeros)
    }

    /// Step 2, percussive half: `softmask(P, H · percussiveMargin)`.
    public func percussiveMask(harmonicFiltered: Matrix, percussiveFiltered: Matrix) throws -> Matrix {
        try validate()
        return try softmask(percussiveFiltered, reference: scaled(harmonicFiltered, by: percussiveMargin),
                            power: power, splitZeros: splitZeros)
    }

    /// librosa gives both-zero bins a mask of one half when neither margin widens the split.
    var splitZeros: Bool { harmonicMargin == 1 && percussiveMargin == 1 }

    /// The harmonic and percussive soft masks of a magnitude spectrogram (`hpss(S, mask=True)`).
    public func masks(of magnitude: Matrix) throws -> (harmonic: Matrix, percussive: Matrix) {
        let filtered = try medianFilters(of: magnitude)
        return try masks(harmonicFiltered: filtered.harmonic, percussiveFiltered: filtered.percussive)
    }

    /// Step 3: `mask · S`, elementwise (librosa's `S * mask * phase`).
    public func apply(_ mask: Matrix, to spectrogram: ComplexMatrix) throws -> ComplexMatrix {
        guard mask.rows == spectrogram.rows, mask.columns == spectrogram.columns else {
            throw DSPError.shapeMismatch("mask is \(mask.rows)×\(mask.columns), STFT is \(spectrogram.rows)×\(spectrogram.columns)")
        }
        return ComplexMatrix(rows: mask.rows, columns: mask.columns, values: multiplied(spectrogram.values, by: mask.values))
    }

    /// The harmonic and percussive parts of a magnitude spectrogram (`decompose.hpss(S)`).
    public func callAsFunction(_ magnitude: Matrix) throws -> (harmonic: Matrix, percussive: Matrix) {
        let masks = try masks(of: magnitude)
        return (multiplied(magnitude, by: masks.harmonic), multiplied(magnitude, by: masks.percussive))
    }

    /// The harmonic and percussive parts of a complex STFT (`decompose.hpss(D)`); phases are kept.
    public func callAsFunction(_ spectrogram: ComplexMatrix) throws
        -> (harmonic: ComplexMatrix, percussive: ComplexMatrix) {
        let masks = try masks(of: spectrogram.magnitude())
        return (try apply(masks.harmonic, to: spectrogram), try apply(masks.percussive, to: spectrogram))
    }

    /// The time-domain harmonic and percussive signals of `y` (`effects.hpss`): STFT with
    /// `stft`'s settings, separation, inverse STFT to `y.count` samples. Computed in a pooled
    /// workspace with the masking fused into the synthesis (see `withSeparated(_:of:stft:in:_:)`).
    public func callAsFunction(_ y: [Float], stft: STFT = STFT()) throws -> (harmonic: [Float], percussive: [Float]) {
        try validate()
        let framing = try stft.framing(y)
        return try AnalysisWorkspace.withWorkspace(for: stft) { workspace in
            try analyze(framing, stft: stft, in: workspace)
            return (withSeparated(.harmonic, of: framing, stft: stft, in: workspace) { Array($0) },
                    withSeparated(.percussive, of: framing, stft: stft, in: workspace) { Array($0) })
        }
    }

    private func scaled(_ matrix: Matrix, by factor: Float) -> Matrix {
        factor == 1 ? matrix : matrix.map { $0 * factor }
    }

    private func multiplied(_ matrix: Matrix, by mask: Matrix) -> Matrix {
        Matrix(rows: matrix.rows, columns: matrix.columns, values: multiplied(matrix.values, by: mask.values))
    }

    /// `values · mask`, elementwise, into a fresh array; `values` may hold several planes of the
    /// mask's size (a complex matrix's real and imaginary planes), each multiplied by the mask.
    private func multiplied(_ values: [Float], by mask: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: values.count) { output, initialized in
            values.withUnsafeBufferPointer { values in
                mask.withUnsafeBufferPointer { mask in
                    for plane in stride(from: 0, to: values.count, by: mask.count) {
                        for i in 0..<mask.count { output[plane + i] = values[plane + i] * mask[i] }
                    }
                }
            }
            initialized = values.count
        }
    }
}

/// librosa's `effects.hpss`: the harmonic and percussive signals of `y`, each `y.count` samples.
public func hpss(_ y: [Float], kernelSize: Int = 31, power: Float = 2, margin: Float = 1,
                 stft: STFT = STFT()) throws -> (harmonic: [Float], percussive: [Float]) {
    try HPSS(kernelSize: kernelSize, power: power, margin: margin)(y, stft: stft)
}

/// librosa's `effects.harmonic`: the harmonic signal of `y`.
public func harmonic(_ y: [Float], kernelSize: Int = 31, power: Float = 2, margin: Float = 1,
                     stft: STFT = STFT()) throws -> [Float] {
    try hpss(y, kernelSize: kernelSize, power: power, margin: margin, stft: stft).harmonic
}

/// librosa's `effects.percussive`: the percussive signal of `y`.
public func percussive(_ y: [Float], kernelSize: Int = 31, power: Float = 2, margin: Float = 1,
                       stft: STFT = STFT()) throws -> [Float] {
    try hpss(y, kernelSize: kernelSize, power: power, margin: margin, stft: stft).percussive
}
