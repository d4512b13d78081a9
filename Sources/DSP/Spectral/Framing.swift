/// A signal cut into overlapping frames, librosa's `util.frame` after optional centre padding:
/// frame `t` covers samples `t * hopLength - offset ..< t * hopLength - offset + frameLength` of
/// `signal`, where `offset` is `frameLength / 2` when centred. The padding is never materialised
/// for framing: samples outside the signal come from ``PadMode/sample(at:of:)``.
struct Framing {
    /// The unpadded signal.
    let signal: [Float]
    let frameLength: Int
    let hopLength: Int
    /// Padding samples before the signal (and after it).
    let offset: Int
    /// How samples outside the signal are made.
    var padMode: PadMode
    /// Number of whole frames.
    let count: Int

    /// Validates `y` and the sizes (`names` are the librosa parameter names for messages) and
    /// counts the frames of the signal, padded by `frameLength / 2` on each side when `center`.
    init(_ y: [Float], frameLength: Int, hopLength: Int, center: Bool, padMode: PadMode,
         names: (frame: String, hop: String) = ("frame_length", "hop_length")) throws {
        try Validate.positive(frameLength, names.frame)
        try Validate.positive(hopLength, names.hop)
        try Validate.audio(y)
        guard center || y.count >= frameLength else {
            throw DSPError.signalTooShort(parameter: "y", length: y.count, required: frameLength)
        }
        signal = y
        self.frameLength = frameLength
        self.hopLength = hopLength
        offset = center ? frameLength / 2 : 0
        self.padMode = padMode
        count = 1 + (y.count + 2 * offset - frameLength) / hopLength
    }

    /// Writes frame `t`, multiplied elementwise by `window`, to `target`.
    func load(frame t: Int, window: UnsafePointer<Float>, into target: UnsafeMutablePointer<Float>,
              from signal: UnsafeBufferPointer<Float>) {
        let start = t * hopLength - offset
        if start >= 0, start + frameLength <= signal.count {
            let source = signal.baseAddress! + start
            for i in 0..<frameLength { target[i] = source[i] * window[i] }
        } else {
            for i in 0..<frameLength { target[i] = padMode.sample(at: start + i, of: signal) * window[i] }
        }
    }

    /// A `1 × count` row holding `measure(frame)` for every frame. Frames inside the signal are
    /// read in place; only those overlapping the padding are copied.
    func map(_ measure: (UnsafeBufferPointer<Float>) -> Float) -> Matrix {
        var out = [Float](repeating: 0, count: count)
        var edgeFrame = [Float](repeating: 0, count: frameLength)
        signal.withUnsafeBufferPointer { signal in
            edgeFrame.withUnsafeMutableBufferPointer { edgeFrame in
                for t in 0..<count {
                    let start = t * hopLength - offset
                    if start >= 0, start + frameLength <= signal.count {
                        out[t] = measure(UnsafeBufferPointer(rebasing: signal[start ..< start + frameLength]))
                    } else {
                        for i in 0..<frameLength { edgeFrame[i] = padMode.sample(at: start + i, of: signal) }
                        out[t] = measure(UnsafeBufferPointer(edgeFrame))
                    }
                }
            }
        }
        return Matrix(rows: 1, columns: count, values: out)
    }
}
