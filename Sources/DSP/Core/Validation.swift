/// Argument checks shared by the public entry points.
enum Validate {
    /// Throws unless `signal` is non-empty and finite everywhere (librosa's `valid_audio`).
    static func audio(_ signal: [Float], parameter: String = "y") throws {
        guard !signal.isEmpty else { throw DSPError.emptySignal(parameter: parameter) }
        let bad: Int? = signal.withUnsafeBufferPointer { buffer in
            var sum: Float = 0
            for value in buffer { sum += value * 0 }
            guard !sum.isFinite else { return nil }
            return buffer.firstIndex { !$0.isFinite }
        }
        if let index = bad { throw DSPError.nonFiniteSample(parameter: parameter, index: index) }
    }

    /// Throws unless `value > 0`.
    static func positive(_ value: Int, _ name: String) throws {
        guard value > 0 else {
            throw DSPError.invalidParameter(name: name, value: "\(value)", requirement: "must be a positive integer")
        }
    }

    /// Throws unless `value > 0` and finite.
    static func positive(_ value: Float, _ name: String) throws {
        guard value > 0, value.isFinite else {
            throw DSPError.invalidParameter(name: name, value: "\(value)", requirement: "must be positive and finite")
        }
    }
}
