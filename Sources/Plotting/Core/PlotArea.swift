import Foundation

/// The plotting rectangle of a panel with linear x and y scales, and the axes, ticks and labels around it.
struct PlotArea {
    let left: Double, right: Double, top: Double, bottom: Double
    let xRange: ClosedRange<Double>
    let yRange: ClosedRange<Double>

    /// The area inside a panel at `origin` of `size`, leaving room for the title, tick labels and axis labels.
    init(origin: (x: Double, y: Double), size: (width: Double, height: Double), xRange: ClosedRange<Double>,
         yRange: ClosedRange<Double>, margins: (left: Double, bottom: Double) = (70, 45)) {
        left = origin.x + margins.left
        right = origin.x + size.width - 20
        top = origin.y + 40
        bottom = origin.y + size.height - margins.bottom
        self.xRange = Self.widened(xRange)
        self.yRange = Self.widened(yRange)
    }

    /// The finite range of `values` padded by `padding` of its width (0…1 when there is none).
    static func range<S: Sequence>(of values: S, padding: Double = 0.05) -> ClosedRange<Double> where S.Element == Double {
        let finite = values.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return 0...1 }
        let pad = (high - low) * padding
        return (low - pad)...(high + pad)
    }

    /// A degenerate range opened to unit width around its value.
    private static func widened(_ range: ClosedRange<Double>) -> ClosedRange<Double> {
        range.upperBound - range.lowerBound > 1e-12 ? range : (range.lowerBound - 0.5)...(range.upperBound + 0.5)
    }

    func x(_ value: Double) -> Double {
        left + (value - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * (right - left)
    }

    func y(_ value: Double) -> Double {
        bottom - (value - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * (bottom - top)
    }

    /// What the x axis shows under the plotting rectangle.
    enum XTicks {
        /// Round 1-2-5 values.
        case numeric
        /// Round integers (epochs, counts).
        case integers
        /// Nothing (the chart labels its own categories).
        case none
    }

    /// Title, frame, grid lines with y ticks, x ticks and the axis labels.
    func drawAxes(_ svg: inout SVGDocument, title: String, xLabel: String, yLabel: String, xTicks: XTicks = .numeric) {
        svg.text(title, x: (left + right) / 2, y: top - 18, size: 13, anchor: "middle")
        let yTicks = AxisTicks(covering: yRange)
        for value in yTicks.values {
            svg.line(x1: left, y1: y(value), x2: right, y2: y(value), color: "#e0e0e0")
            svg.text(yTicks.label(value), x: left - 5, y: y(value) + 4, size: 10, anchor: "end")
        }
        switch xTicks {
        case .numeric:
            let ticks = AxisTicks(covering: xRange)
            for value in ticks.values {
                svg.text(ticks.label(value), x: x(value), y: bottom + 15, size: 10, anchor: "middle")
            }
        case .integers:
            let low = Int(xRange.lowerBound.rounded(.up)), high = Int(xRange.upperBound.rounded(.down))
            for value in low <= high ? AxisTicks.integers(covering: low...high) : [] {
                svg.text(String(value), x: x(Double(value)), y: bottom + 15, size: 10, anchor: "middle")
            }
        case .none:
            break
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom)
        svg.line(x1: left, y1: top, x2: left, y2: bottom)
        svg.text(xLabel, x: (left + right) / 2, y: bottom + 32, size: 11, anchor: "middle")
        svg.text(yLabel, x: left - 56, y: (top + bottom) / 2, size: 11, anchor: "middle", rotate: -90)
    }

    /// Category names centred under `count` equal slots, turned when long.
    func drawCategories(_ svg: inout SVGDocument, _ names: [String]) {
        let slot = (right - left) / Double(max(names.count, 1))
        let turned = names.contains { Double($0.count) * 6 > slot }
        for (index, name) in names.enumerated() {
            let centre = left + (Double(index) + 0.5) * slot
            svg.text(name, x: centre, y: bottom + 14, size: 10, anchor: turned ? "end" : "middle", rotate: turned ? -35 : 0)
        }
    }

    /// A tick label with three significant digits.
    static func label(_ value: Double) -> String { String(format: "%.3g", value) }
}
