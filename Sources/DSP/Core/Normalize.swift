import Foundation

extension Matrix {
    /// librosa's `util.normalize(S, norm=norm, axis=0)`: each column divided by its `norm`-norm
    /// (`.infinity` = max-abs, `1`, `2`, … any positive p), computed in `Double`. Columns whose norm is
    /// below the smallest normal float are left as they are; `nil` returns `self`.
    public func normalizedColumns(norm: Float?) throws -> Matrix {
        guard let norm else { return self }
        guard norm > 0 else {
            throw DSPError.invalidParameter(name: "norm", value: "\(norm)", requirement: "must be positive, infinity or nil")
        }
        var lengths = [Double](repeating: 0, count: columns)
        for r in 0..<rows {
            for c in 0..<columns {
                let magnitude = Double(abs(values[r * columns + c]))
                if norm.isInfinite { lengths[c] = Swift.max(lengths[c], magnitude) } else { lengths[c] += pow(magnitude, Double(norm)) }
            }
        }
        if norm.isFinite { lengths = lengths.map { pow($0, 1 / Double(norm)) } }
        let tiny = Double(Float.leastNormalMagnitude)
        lengths = lengths.map { $0 < tiny ? 1 : $0 }
        var out = self
        for r in 0..<rows {
            for c in 0..<columns { out.values[r * columns + c] = Float(Double(values[r * columns + c]) / lengths[c]) }
        }
        return out
    }
}
