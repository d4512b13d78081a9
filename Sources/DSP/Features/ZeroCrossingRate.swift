/// librosa's `feature.zero_crossing_rate`: per frame, the fraction of samples whose sign bit differs
/// from the previous sample's, after zeroing samples with `|x| ≤ 1e-10` (the first sample of each
/// frame never counts). Centring pads by repeating the edge samples, whatever the STFT's pad mode.
/// Returns `1 × frames`.
public func zeroCrossingRate(_ y: [Float], frameLength: Int = 2048, hopLength: Int = 512,
                             center: Bool = true) throws -> Matrix {
    let framing = try Framing(y, frameLength: frameLength, hopLength: hopLength, center: center, padMode: .edge)
    // crossingsBefore[i]: crossings between consecutive samples up to sample i, so a frame
    // starting at s holds crossingsBefore[s + frameLength - 1] - crossingsBefore[s].
    var crossingsBefore = [Int32](repeating: 0, count: framing.signal.count)
    framing.signal.withUnsafeBufferPointer { signal in
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
        let start = t * hopLength
        return Float(crossingsBefore[start + frameLength - 1] - crossingsBefore[start]) * scale
    }
    return Matrix(rows: 1, columns: framing.count, values: rates)
}
