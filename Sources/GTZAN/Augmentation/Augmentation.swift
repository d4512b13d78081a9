import DSP
import Foundation

/// Seeded on-the-fly data augmentation, drawn afresh for every segment in every epoch.
///
/// Waveform stage (before the input is computed): random gain, then white Gaussian noise at a random
/// signal-to-noise ratio. Input stage: frequency masks over rows and time masks over columns with
/// torchaudio's semantics (`FrequencyMasking`/`TimeMasking`, `iid_masks=False`, `p=1`): the width is
/// `⌊u·F⌋` and the start `⌊v·(size − u·F)⌋` for uniform `u, v` in `[0, 1)`, filled with `maskValue`.
/// For time-major inputs (MFCC, frames × coefficients) the axes are swapped accordingly.
///
/// The random stream of segment `i` in epoch `e` is `SplitMix64(seed: seed, stream: e, i)`, so results do
/// not depend on batch order or threads.
public struct Augmentation: Hashable, Sendable, Codable {
    /// Signal-to-noise ratio range in dB for added white noise; nil for none.
    public var noiseSNR: ClosedRange<Float>?
    /// Gain range in dB; nil for none.
    public var gainDecibels: ClosedRange<Float>?
    /// Maximum frequency-mask width `F` (0 for none) and the number of masks.
    public var frequencyMaskParameter: Int
    public var frequencyMasks: Int
    /// Maximum time-mask width `T` (0 for none) and the number of masks.
    public var timeMaskParameter: Int
    public var timeMasks: Int
    /// The value written into masked cells (torchaudio's default 0).
    public var maskValue: Float
    public var seed: UInt64

    public init(noiseSNR: ClosedRange<Float>? = nil, gainDecibels: ClosedRange<Float>? = nil,
                frequencyMaskParameter: Int = 0, frequencyMasks: Int = 1, timeMaskParameter: Int = 0, timeMasks: Int = 1,
                maskValue: Float = 0, seed: UInt64 = 0) {
        self.noiseSNR = noiseSNR
        self.gainDecibels = gainDecibels
        self.frequencyMaskParameter = frequencyMaskParameter
        self.frequencyMasks = frequencyMasks
        self.timeMaskParameter = timeMaskParameter
        self.timeMasks = timeMasks
        self.maskValue = maskValue
        self.seed = seed
    }

    /// True when the waveform is changed (inputs must then be computed afresh, not cached).
    public var altersWaveform: Bool { noiseSNR != nil || gainDecibels != nil }

    /// The random stream of segment `item` in `epoch`.
    public func generator(epoch: Int, item: Int) -> SplitMix64 {
        SplitMix64(seed: seed, stream: UInt64(epoch), UInt64(item))
    }

    /// Applies gain and noise to `samples`.
    public func augmentWaveform(_ samples: inout [Float], using rng: inout SplitMix64) {
        if let gainDecibels {
            let gain = Float(pow(10, Double(rng.float(in: gainDecibels)) / 20))
            samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] *= gain } }
        }
        if let noiseSNR {
            let signalPower = samples.reduce(Float(0)) { $0 + $1 * $1 } / Float(max(1, samples.count))
            let noiseRMS = (signalPower / Float(pow(10, Double(rng.float(in: noiseSNR)) / 10))).squareRoot()
            samples.withUnsafeMutableBufferPointer { for i in $0.indices { $0[i] += noiseRMS * rng.gaussian() } }
        }
    }

    /// Applies frequency and time masks to `input`; `timeMajor` says that rows are frames (MFCC inputs).
    public func mask(_ input: inout Matrix, timeMajor: Bool, using rng: inout SplitMix64) {
        let (frequencyAxis, timeAxis) = timeMajor ? (1, 0) : (0, 1)
        for _ in 0..<(frequencyMaskParameter > 0 ? frequencyMasks : 0) {
            maskAlongAxis(&input, axis: frequencyAxis, parameter: frequencyMaskParameter, rng: &rng)
        }
        for _ in 0..<(timeMaskParameter > 0 ? timeMasks : 0) {
            maskAlongAxis(&input, axis: timeAxis, parameter: timeMaskParameter, rng: &rng)
        }
    }

    /// torchaudio's `mask_along_axis`: rows (axis 0) or columns (axis 1) in `[⌊v⌋, ⌊v⌋ + ⌊w⌋)`.
    private func maskAlongAxis(_ input: inout Matrix, axis: Int, parameter: Int, rng: inout SplitMix64) {
        let size = axis == 0 ? input.rows : input.columns
        let width = rng.unitFloat() * Float(parameter)
        let start = Int(rng.unitFloat() * (Float(size) - width))
        let end = min(size, start + Int(width))
        guard start < end else { return }
        let columns = input.columns
        input.values.withUnsafeMutableBufferPointer { values in
            if axis == 0 {
                for i in start * columns..<end * columns { values[i] = maskValue }
            } else {
                for row in 0..<input.rows {
                    for column in start..<end { values[row * columns + column] = maskValue }
                }
            }
        }
    }
}
