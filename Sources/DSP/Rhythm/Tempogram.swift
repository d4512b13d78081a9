/// librosa's `feature.tempogram` (autocorrelation): the windowed local autocorrelation of an onset
/// envelope, one column per frame, each column scaled to a maximum of 1 (`norm=inf`).
///
/// The autocorrelations come from FFTW (inverse transform of the power spectrum of each
/// zero-padded frame), as librosa's `autocorrelate` computes them with its FFT.
/// With `center`, the envelope is padded by `winLength / 2` frames on each side with NumPy's
/// `linear_ramp` to zero, and frame `t` is the window starting at padded position `t`.
public struct Tempogram: Hashable, Sendable {
    /// Autocorrelation window in onset frames (`win_length`); also the number of lags.
    public var winLength: Int
    /// Whether frames are centred on their onset frame (`center`).
    public var center: Bool
    /// The autocorrelation window (`window`).
    public var window: Window

    /// librosa's defaults: 384 frames, centred, Hann window.
    public init(winLength: Int = 384, center: Bool = true, window: Window = .hann) {
        self.winLength = winLength
        self.center = center
        self.window = window
    }

    /// The tempogram of `onsetEnvelope`: `winLength` rows (lag 0, 1, …) × one column per frame.
    public func callAsFunction(onsetEnvelope: [Float]) throws -> Matrix {
        let frames = try frameCount(onsetEnvelope)
        var result = Matrix(rows: winLength, columns: frames)
        result.values.withUnsafeMutableBufferPointer { output in
            forEachColumn(onsetEnvelope) { frame, column in
                for lag in 0..<winLength { output[lag * frames + frame] = column[lag] }
            }
        }
        return result
    }

    /// The mean over frames of each lag of the tempogram (`tempogram.mean(axis=1)`), summed in
    /// frame order in `Double`, without building the matrix.
    func lagMeans(onsetEnvelope: [Float]) throws -> [Double] {
        let frames = try frameCount(onsetEnvelope)
        var sums = [Double](repeating: 0, count: winLength)
        sums.withUnsafeMutableBufferPointer { sums in
            forEachColumn(onsetEnvelope) { _, column in
                for lag in 0..<winLength { sums[lag] += Double(column[lag]) }
            }
        }
        return sums.map { $0 / Double(frames) }
    }

    /// Validates the settings and `onsetEnvelope`; returns the number of tempogram frames.
    private func frameCount(_ onsetEnvelope: [Float]) throws -> Int {
        try Validate.positive(winLength, "win_length")
        guard !onsetEnvelope.isEmpty else { throw DSPError.emptySignal(parameter: "onset_envelope") }
        return center ? onsetEnvelope.count : max(onsetEnvelope.count - winLength + 1, 0)
    }

    /// Calls `body(frame, column)` for every frame in order with its `winLength` normalised lags.
    private func forEachColumn(_ onsetEnvelope: [Float], _ body: (Int, UnsafePointer<Float>) -> Void) {
        let padded = center ? rampPadded(onsetEnvelope) : onsetEnvelope
        let frames = center ? onsetEnvelope.count : max(padded.count - winLength + 1, 0)
        let weights = window.values(length: winLength)
        FFTBlock.withBlock(size: Self.transformSize(for: winLength), batch: Self.batch) { block in
            padded.withUnsafeBufferPointer { padded in
                for first in stride(from: 0, to: frames, by: Self.batch) {
                    let count = min(Self.batch, frames - first)
                    for j in 0..<count {
                        let frame = block.real + j * block.size
                        for i in 0..<winLength { frame[i] = padded[first + j + i] * weights[i] }
                        (frame + winLength).update(repeating: 0, count: block.size - winLength)
                    }
                    Self.autocorrelate(block)
                    for j in 0..<count {
                        let column = block.real + j * block.size
                        normalize(column, scale: 1 / Float(block.size))
                        body(first + j, column)
                    }
                }
            }
        }
    }

    /// Frames transformed per FFTW call.
    private static let batch = 32

    /// The power of two that holds a linear (not circular) autocorrelation of `length` values.
    static func transformSize(for length: Int) -> Int {
        var size = 1
        while size < 2 * length - 1 { size *= 2 }
        return size
    }

    /// Replaces each zero-padded frame of `block` by its (unnormalised) autocorrelation:
    /// the inverse transform of the power spectrum.
    private static func autocorrelate(_ block: FFTBlock) {
        block.forward()
        let spectra = block.interleaved
        for j in 0..<block.batch {
            for k in 0..<block.bins {
                let index = 2 * (j * block.spectrumStride + k)
                let re = spectra[index], im = spectra[index + 1]
                spectra[index] = re * re + im * im
                spectra[index + 1] = 0
            }
        }
        block.inverse()
    }

    /// Replaces lags `0..<winLength` of `correlation` by `correlation · scale` divided by their
    /// largest magnitude (`util.normalize(norm=inf)`: left as is when that is below the smallest
    /// normal float).
    private func normalize(_ correlation: UnsafeMutablePointer<Float>, scale: Float) {
        var norm: Float = 0
        for lag in 0..<winLength { norm = max(norm, abs(correlation[lag])) }
        norm *= scale
        let factor = norm < Float.leastNormalMagnitude ? scale : scale / norm
        for lag in 0..<winLength { correlation[lag] *= factor }
    }

    /// `envelope` with `winLength / 2` values on each side ramping linearly from 0 to the edge value
    /// (NumPy `pad(mode="linear_ramp", end_values=0)`, in float32 as NumPy does).
    func rampPadded(_ envelope: [Float]) -> [Float] {
        let width = winLength / 2
        let firstStep = envelope[0] / Float(width), lastStep = envelope[envelope.count - 1] / Float(width)
        let left = (0..<width).map { Float($0) * firstStep }
        let right = (0..<width).map { Float(width - 1 - $0) * lastStep }
        return left + envelope + right
    }
}
