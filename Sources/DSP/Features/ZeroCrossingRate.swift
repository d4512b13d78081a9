/// librosa's `feature.zero_crossing_rate`: per frame, the fraction of samples whose sign bit differs
/// from the previous sample's, after zeroing samples with `|x| ≤ 1e-10` (the first sample of each
/// frame never counts). Centring pads by repeating the edge samples, whatever the STFT's pad mode.
/// Returns `1 × frames`.
public func zeroCrossingRate(_ y: [Float], frameLength: Int = 2048, hopLength: Int = 512,
                             center: Bool = true) throws -> Matrix {
    zeroCrossingRate(try Framing(y, frameLength: frameLength, hopLength: hopLength, center: center, padMode: .edge))
}

/// The zero-crossing rate of every frame of `framing`, whose padding must be ``PadMode/edge``.
func zeroCrossingRate(_ framing: Framing) -> Matrix {
    let y = framing.signal, frameLength = framing.frameLength, hopLength = framing.hopLength
    // crossingsBefore[i]: crossings between consecutive samples up to sample i of y. Edge padding
    // adds none, so a frame over padded samples s ..< s + frameLength holds
    // crossingsBefore[clamped(s + frameLength - 1)] - crossingsBefore[clamped(s)].
    var crossingsBefore = [Int32](repeating: 0, count: y.count)
    y.withUnsafeBufferPointer { signal in
        crossingsBefore.withUnsafeMutableBufferPointer { counts in
            let threshold: Float = 1e-10
            var previous: Int32 = signal[0] < -threshold ? 1 : 0
            var total: Int32 = 0
            for i in 1..<signal.count {
                let negative: Int32 = signal[i] < -threshold ? 1 : 0
                total &+= negative ^ previous  // branch-free: noise crosses at random
                counts[i] = total
                previous = negative
            }
        }
    }
    let scale = 1 / Float(frameLength)
    let rates = (0..<framing.count).map { t -> Float in
        let start = t * hopLength - framing.offset
        let clamped = { (index: Int) in crossingsBefore[min(max(index, 0), y.count - 1)] }
        return Float(clamped(start + frameLength - 1) - clamped(start)) * scale
    }
    return Matrix(rows: 1, columns: framing.count, values: rates)
}
