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
    typealias Lanes = SIMD4<Float>

    /// `x^p / (x^p + reference^p)` after dividing both by their maximum; `zeroValue` where that
    /// maximum is below the smallest normal float.
    @inline(__always)
    static func value(_ x: Float, reference: Float, power: Float, zeroValue: Float) -> Float {
        values(Lanes(repeating: x), reference: Lanes(repeating: reference), power: power, zeroValue: zeroValue)[0]
    }

    /// ``value(_:reference:power:zeroValue:)`` of four pairs at once, branch-free (ratios are
    /// computed everywhere and dropped where the maximum is too small).
    @inline(__always)
    static func values(_ x: Lanes, reference: Lanes, power: Float, zeroValue: Float) -> Lanes {
        let z = reference.replacing(with: x, where: x .> reference)
        let ratio = raised(x / z, to: power)
        let mask = ratio / (ratio + raised(reference / z, to: power))
        return Lanes(repeating: zeroValue).replacing(with: mask, where: z .>= Float.leastNormalMagnitude)
    }

    /// `value ** power` with the common powers on a fast path.
    @inline(__always)
    private static func raised(_ value: Lanes, to power: Float) -> Lanes {
        if power == 2 { return value * value }
        if power == 1 { return value }
        return Lanes(powf(value[0], power), powf(value[1], power), powf(value[2], power), powf(value[3], power))
    }
}
