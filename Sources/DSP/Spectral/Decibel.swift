import Foundation

/// The reference level that maps to 0 dB.
public enum DecibelReference: Hashable, Sendable {
    /// A fixed value (librosa's `ref=1.0` default).
    case value(Float)
    /// The array's maximum (librosa's `ref=np.max`).
    case maximum
}

/// librosa's `power_to_db`: `10 · log10(max(amin, S) / ref)`, floored at `max − topDB` when `topDB` is set.
public func powerToDB(_ S: Matrix, reference: DecibelReference = .value(1), amin: Float = 1e-10,
                      topDB: Float? = 80) throws -> Matrix {
    try Validate.positive(amin, "amin")
    if let topDB, !(topDB >= 0) {
        throw DSPError.invalidParameter(name: "top_db", value: "\(topDB)", requirement: "must be non-negative")
    }
    let referenceValue: Float
    switch reference {
    case let .value(value): referenceValue = abs(value)
    case .maximum: referenceValue = S.values.max() ?? 0
    }
    let offset = 10 * log10(max(amin, referenceValue))
    var out = S.values
    out.withUnsafeMutableBufferPointer { out in
        for i in 0..<out.count { out[i] = 10 * log10(max(amin, out[i])) - offset }
        guard let topDB, let peak = out.max() else { return }
        let floor = peak - topDB
        for i in 0..<out.count { out[i] = max(out[i], floor) }
    }
    return Matrix(rows: S.rows, columns: S.columns, values: out)
}

/// librosa's `amplitude_to_db`: `power_to_db(S², ref², amin², topDB)` for a magnitude array.
public func amplitudeToDB(_ S: Matrix, reference: DecibelReference = .value(1), amin: Float = 1e-5,
                          topDB: Float? = 80) throws -> Matrix {
    try Validate.positive(amin, "amin")
    let magnitude = S.map(abs)
    let referenceValue: Float
    switch reference {
    case let .value(value): referenceValue = abs(value)
    case .maximum: referenceValue = magnitude.values.max() ?? 0
    }
    return try powerToDB(magnitude.map { $0 * $0 }, reference: .value(referenceValue * referenceValue),
                         amin: amin * amin, topDB: topDB)
}
