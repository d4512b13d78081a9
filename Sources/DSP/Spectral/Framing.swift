/// A signal cut into overlapping frames, librosa's `util.frame` after optional centre padding:
/// frame `t` covers samples `t * hopLength ..< t * hopLength + frameLength` of `signal`.
struct Framing {
    /// The (padded) signal the frames index into.
    let signal: [Float]
    let frameLength: Int
    let hopLength: Int
    /// Number of whole frames.
    let count: Int

    /// Validates `y` and the sizes (`names` are the librosa parameter names for messages), pads
    /// `frameLength / 2` samples on each side when `center`, and counts the frames.
    init(_ y: [Float], frameLength: Int, hopLength: Int, center: Bool, padMode: PadMode,
         names: (frame: String, hop: String) = ("frame_length", "hop_length")) throws {
        try Validate.positive(frameLength, names.frame)
        try Validate.positive(hopLength, names.hop)
        try Validate.audio(y)
        guard center || y.count >= frameLength else {
            throw DSPError.signalTooShort(parameter: "y", length: y.count, required: frameLength)
        }
        signal = center ? padMode.pad(y, by: frameLength / 2) : y
        self.frameLength = frameLength
        self.hopLength = hopLength
        count = 1 + (signal.count - frameLength) / hopLength
    }

    /// A `1 × count` row holding `measure(frame)` for every frame.
    func map(_ measure: (UnsafeBufferPointer<Float>) -> Float) -> Matrix {
        var out = [Float](repeating: 0, count: count)
        signal.withUnsafeBufferPointer { signal in
            for t in 0..<count {
                out[t] = measure(UnsafeBufferPointer(rebasing: signal[t * hopLength ..< t * hopLength + frameLength]))
            }
        }
        return Matrix(rows: 1, columns: count, values: out)
    }
}
