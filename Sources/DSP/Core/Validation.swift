/// Argument checks shared by the public entry points.
enum Validate {
    /// Throws unless `signal` is non-empty and finite everywhere (librosa's `valid_audio`).
    static func audio(_ signal: [Float], parameter: String = "y") throws {
        guard !signal.isEmpty else { throw DSPError.emptySignal(parameter: parameter) }
        let scan = Scan(signal)
        if !scan.allFinite, let index = signal.firstIndex(where: { !$0.isFinite }) {
            throw DSPError.nonFiniteSample(parameter: parameter, index: index)
        }
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

extension Validate {
    /// Throws unless `S` is a usable magnitude or power spectrogram: at least two frequency rows,
    /// one frame, and finite non-negative values.
    static func spectrogram(_ S: Matrix, parameter: String = "S") throws {
        guard S.rows >= 2, S.columns >= 1 else {
            throw DSPError.shapeMismatch("\(parameter) is \(S.rows)×\(S.columns); a spectrogram needs ≥ 2 bins and ≥ 1 frame")
        }
        let scan = Scan(S.values)
        if !scan.allFinite || scan.anySignBit, let index = S.values.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw DSPError.invalidParameter(name: parameter, value: "\(S.values[index]) at [\(index / S.columns), \(index % S.columns)]",
                                            requirement: "spectral features need finite non-negative energies")
        }
    }
}
