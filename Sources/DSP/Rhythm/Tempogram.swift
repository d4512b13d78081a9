/// librosa's `feature.tempogram` (autocorrelation): the windowed local autocorrelation of an onset
/// envelope, one column per frame, each column scaled to a maximum of 1 (`norm=inf`).
///
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
        try Validate.positive(winLength, "win_length")
        guard !onsetEnvelope.isEmpty else { throw DSPError.emptySignal(parameter: "onset_envelope") }
        let padded = center ? rampPadded(onsetEnvelope) : onsetEnvelope
        let frames = center ? onsetEnvelope.count : max(padded.count - winLength + 1, 0)
        let lags = winLength
        let weights = window.values(length: winLength)
        var result = Matrix(rows: lags, columns: frames)
        var frame = [Float](repeating: 0, count: lags)
        var correlation = [Float](repeating: 0, count: lags)
        padded.withUnsafeBufferPointer { padded in
            weights.withUnsafeBufferPointer { weights in
                frame.withUnsafeMutableBufferPointer { frame in
                    correlation.withUnsafeMutableBufferPointer { correlation in
                        result.values.withUnsafeMutableBufferPointer { output in
                            for t in 0..<frames {
                                for i in 0..<lags { frame[i] = padded[t + i] * weights[i] }
                                Self.autocorrelate(UnsafeBufferPointer(frame), into: correlation)
                                var norm: Float = 0
                                for value in correlation { norm = max(norm, abs(value)) }
                                let scale = norm < Float.leastNormalMagnitude ? 1 : 1 / norm
                                for lag in 0..<lags { output[lag * frames + t] = correlation[lag] * scale }
                            }
                        }
                    }
                }
            }
        }
        return result
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

    /// `output[lag] = Σ_i x[i] · x[i + lag]` for every lag below `x.count`.
    static func autocorrelate(_ x: UnsafeBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>) {
        let n = x.count
        let base = UnsafeRawPointer(x.baseAddress!)
        for lag in 0..<n {
            let count = n - lag
            var sums = (SIMD8<Float>(repeating: 0), SIMD8<Float>(repeating: 0))
            var i = 0
            while i + 16 <= count {
                sums.0 += base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                    * base.loadUnaligned(fromByteOffset: (i + lag) * 4, as: SIMD8<Float>.self)
                sums.1 += base.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
                    * base.loadUnaligned(fromByteOffset: (i + 8 + lag) * 4, as: SIMD8<Float>.self)
                i += 16
            }
            var vectorSum = sums.0 + sums.1
            if i + 8 <= count {
                vectorSum += base.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                    * base.loadUnaligned(fromByteOffset: (i + lag) * 4, as: SIMD8<Float>.self)
                i += 8
            }
            var sum = vectorSum.sum()
            while i < count {
                sum += x[i] * x[i + lag]
                i += 1
            }
            output[lag] = sum
        }
    }
}
