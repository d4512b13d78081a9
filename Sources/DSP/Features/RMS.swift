/// librosa's `feature.rms(y=...)`: the root mean square of each frame of the (centre-padded)
/// signal. Returns `1 × frames`.
public func rms(y: [Float], frameLength: Int = 2048, hopLength: Int = 512, center: Bool = true,
                padMode: PadMode = .constant) throws -> Matrix {
    rms(try Framing(y, frameLength: frameLength, hopLength: hopLength, center: center, padMode: padMode))
}

/// The RMS of every frame of `framing`.
func rms(_ framing: Framing) -> Matrix {
    framing.map { frame in
        let sum = DoubleSum.of(frame.count) { Double(frame[$0] * frame[$0]) }
        return Float((sum / Double(frame.count)).squareRoot())
    }
}

/// librosa's `feature.rms(S=...)`: the RMS of each frame from its magnitude spectrum by Parseval,
/// halving the DC (and, for even `frameLength`, Nyquist) bins. `S` must have `frameLength / 2 + 1` rows.
public func rms(spectrogram S: Matrix, frameLength: Int = 2048) throws -> Matrix {
    try Validate.spectrogram(S)
    guard S.rows == frameLength / 2 + 1 else {
        throw DSPError.shapeMismatch("S has \(S.rows) rows, so frame_length must be \(2 * S.rows - 2) or \(2 * S.rows - 1), not \(frameLength)")
    }
    var sums = [Double](repeating: 0, count: S.columns)
    S.forEachRow { k, row in
        let halved = k == 0 || (k == S.rows - 1 && frameLength % 2 == 0)
        let weight: Double = halved ? 0.5 : 1
        for t in 0..<row.count { sums[t] += weight * Double(row[t] * row[t]) }
    }
    let scale = 2 / Double(frameLength * frameLength)
    return Matrix(rows: 1, columns: S.columns, values: sums.map { Float(($0 * scale).squareRoot()) })
}
