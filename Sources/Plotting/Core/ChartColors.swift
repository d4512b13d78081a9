import Foundation

/// Colours of the charts: matplotlib's `tab10` for categories, a blue–white–red diverging map for signed
/// values (correlations), `magma` for magnitudes (spectrograms) and seaborn's `Blues` for shares (confusion
/// matrices).
public enum ChartColors {
    /// matplotlib's `tab10`, one colour per genre in canonical order.
    public static let categorical = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                     "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// The categorical colour of `index` (cycling).
    public static func category(_ index: Int) -> String { categorical[index % categorical.count] }

    /// Blue (−1) through white (0) to red (+1), as seaborn's `vlag`/matplotlib's `RdBu_r` ends.
    public static func diverging(_ value: Double) -> String {
        let t = max(-1, min(1, value.isFinite ? value : 0))
        let end: (Double, Double, Double) = t < 0 ? (33, 102, 172) : (178, 24, 43)
        let s = abs(t)
        return hex(255 + (end.0 - 255) * s, 255 + (end.1 - 255) * s, 255 + (end.2 - 255) * s)
    }

    /// matplotlib's `magma` for `value` in [0, 1] (clamped), piecewise linear through 9 of its entries.
    public static func magma(_ value: Double) -> String {
        let position = max(0, min(1, value.isFinite ? value : 0)) * Double(magmaAnchors.count - 1)
        let index = min(Int(position), magmaAnchors.count - 2)
        let t = position - Double(index)
        let (a, b) = (magmaAnchors[index], magmaAnchors[index + 1])
        return hex(a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t)
    }

    /// White (0) to dark blue (1) for a share in [0, 1] (clamped), seaborn's "Blues".
    public static func blues(_ share: Double) -> String {
        let t = min(1, max(0, share.isFinite ? share : 0))
        return hex(247 - t * (247 - 8), 251 - t * (251 - 48), 255 - t * (255 - 107))
    }

    /// `magma` at 0, 1/8, …, 1 (0…255).
    private static let magmaAnchors: [(Double, Double, Double)] = [
        (0, 0, 4), (28, 16, 68), (79, 18, 123), (129, 37, 129), (181, 54, 122),
        (229, 80, 100), (251, 135, 97), (254, 194, 135), (252, 253, 191),
    ]

    private static func hex(_ red: Double, _ green: Double, _ blue: Double) -> String {
        String(format: "#%02x%02x%02x", Int(red.rounded()), Int(green.rounded()), Int(blue.rounded()))
    }
}
