import Foundation

/// Conversion of a squared magnitude to `|x| ** power`.
enum SpectralPower {
    @inline(__always)
    static func apply(_ squaredMagnitude: Float, power: Float) -> Float {
        if power == 2 { return squaredMagnitude }
        if power == 1 { return squaredMagnitude.squareRoot() }
        return powf(squaredMagnitude, power / 2)
    }
}
