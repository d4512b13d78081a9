import Foundation

/// librosa's `util.softmask`: `M = X^p / (X^p + X_ref^p)`, computed stably by dividing both terms by
/// `max(X, X_ref)` first.
///
/// Where both inputs are below the smallest normal float the mask is 0.5 with `splitZeros`,
/// 0 otherwise. `x` and `reference` must be non-negative and of the same shape.
public func softmask(_ x: Matrix, reference: Matrix, power: Float = 1, splitZeros: Bool = false) throws -> Matrix {
    guard x.rows == reference.rows, x.columns == reference.columns else {
        throw DSPError.shapeMismatch("softmask X is \(x.rows)×\(x.columns), X_ref is \(reference.rows)×\(reference.columns)")
    }
    guard power > 0, power.isFinite else {
        throw DSPError.invalidParameter(name: "power", value: "\(power)", requirement: "must be positive and finite")
    }
    var mask = Matrix(rows: x.rows, columns: x.columns)
    var negative = false
    let zeroValue: Float = splitZeros ? 0.5 : 0
    x.values.withUnsafeBufferPointer { x in
        reference.values.withUnsafeBufferPointer { reference in
            mask.values.withUnsafeMutableBufferPointer { mask in
                for i in 0..<mask.count {
                    let a = x[i], b = reference[i]
                    negative = negative || a < 0 || b < 0
                    mask[i] = SoftMask.value(a, reference: b, power: power, zeroValue: zeroValue)
                }
            }
        }
    }
    guard !negative else {
        throw DSPError.invalidParameter(name: "X", value: "negative", requirement: "softmask inputs must be non-negative")
    }
    return mask
}

/// The soft mask of one pair of non-negative values.
enum SoftMask {
    /// `x^p / (x^p + reference^p)` after dividing both by their maximum; `zeroValue` where that
    /// maximum is below the smallest normal float. Branch-free (the ratio is computed and dropped
    /// there), so loops over it vectorise.
    @inline(__always)
    static func value(_ x: Float, reference: Float, power: Float, zeroValue: Float) -> Float {
        let z = max(x, reference)
        let ratio = raised(x / z, to: power)
        let mask = ratio / (ratio + raised(reference / z, to: power))
        return z >= Float.leastNormalMagnitude ? mask : zeroValue
    }

    /// `value ** power` with the common powers on a fast path.
    @inline(__always)
    private static func raised(_ value: Float, to power: Float) -> Float {
        if power == 2 { return value * value }
        if power == 1 { return value }
        return powf(value, power)
    }
}
