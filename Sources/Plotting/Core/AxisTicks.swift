import Foundation

/// Round tick values for a chart axis: multiples of 1, 2 or 5 × 10ᵏ (matplotlib's default locator), so an
/// axis reads 0, 0.2, 0.4 … instead of the data's raw extremes.
public struct AxisTicks: Sendable, Equatable {
    /// The tick values, ascending, all inside the range they were made for.
    public let values: [Double]
    /// The distance between neighbouring ticks.
    public let step: Double

    /// `target` to `target + 2` round ticks inside `range` (at least two when the range has width; one for a single value).
    public init(covering range: ClosedRange<Double>, target: Int = 5) {
        let width = range.upperBound - range.lowerBound
        guard width.isFinite, width > 0 else {
            (values, step) = ([range.lowerBound], 0)
            return
        }
        // The smallest 1-2-5 step that cuts the range into at most `target + 1` intervals.
        let intervals = Double(max(target, 1) + 1)
        let magnitude = pow(10, log10(width / intervals).rounded(.down))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { width / $0 <= intervals * (1 + 1e-9) } ?? 10 * magnitude
        let first = (range.lowerBound / step).rounded(.up), last = (range.upperBound / step).rounded(.down)
        var values = stride(from: first, through: last, by: 1).map { $0 * step }
        if values.count < 2 { values = [range.lowerBound, range.upperBound] }
        self.values = values.map { abs($0) < step * 1e-9 ? 0 : $0 }
        self.step = step
    }

    /// Integer ticks (epochs, counts) inside `range`: round steps of at least 1.
    public static func integers(covering range: ClosedRange<Int>, target: Int = 5) -> [Int] {
        let ticks = AxisTicks(covering: Double(range.lowerBound)...Double(range.upperBound), target: target)
        let step = max(1, Int(ticks.step.rounded()))
        let first = Int((Double(range.lowerBound) / Double(step)).rounded(.up)) * step  // ceiling, also below zero
        return Array(stride(from: first, through: range.upperBound, by: step))
    }

    /// `value` printed with as many decimals as the step needs (0.2 → "0.2", 5000 → "5000", 2.5e-5 → "2.5e-05").
    public func label(_ value: Double) -> String {
        guard step > 0 else { return String(format: "%.3g", value) }
        if abs(value) >= 1e5 || (step < 1e-3 && value != 0) { return String(format: "%.2g", value) }
        let decimals = max(0, Int((-log10(step)).rounded(.up)))
        return String(format: "%.\(decimals)f", value)
    }
}
