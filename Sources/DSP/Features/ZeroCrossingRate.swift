/// librosa's `feature.zero_crossing_rate`: per frame, the fraction of samples whose sign bit differs
/// from the previous sample's, after zeroing samples with `|x| ≤ 1e-10`. Centring pads by repeating
/// the edge samples, whatever the STFT's pad mode. Returns `1 × frames`.
public func zeroCrossingRate(_ y: [Float], frameLength: Int = 2048, hopLength: Int = 512,
                             center: Bool = true) throws -> Matrix {
    let framing = try Framing(y, frameLength: frameLength, hopLength: hopLength, center: center, padMode: .edge)
    let threshold: Float = 1e-10
    return framing.map { frame in
        var crossings = 0
        var previous = abs(frame[0]) <= threshold ? false : frame[0].sign == .minus
        for i in 1..<frame.count {
            let negative = abs(frame[i]) <= threshold ? false : frame[i].sign == .minus
            if negative != previous { crossings += 1 }
            previous = negative
        }
        return Float(crossings) / Float(frame.count)
    }
}
