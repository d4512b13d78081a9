import Foundation

/// A line chart of values per epoch, rendered as SVG with axes, ticks and a legend.
public struct LineChart: Sendable {
    /// One line.
    public struct Series: Sendable {
        /// Shown in the legend.
        public var name: String
        /// y values at x = 1, 2, …; non-finite values break nothing, they are skipped.
        public var values: [Double]
        /// SVG stroke colour.
        public var color: String
        /// Whether the line is dashed.
        public var dashed: Bool

        /// A line named `name` through `values`.
        public init(name: String, values: [Double], color: String, dashed: Bool = false) {
            self.name = name
            self.values = values
            self.color = color
            self.dashed = dashed
        }
    }

    /// The title.
    public var title: String
    /// Label of the x axis.
    public var xLabel: String
    /// Label of the y axis.
    public var yLabel: String
    /// The lines.
    public var series: [Series]

    /// A chart of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [Series]) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
    }

    static let panelWidth = 420.0, panelHeight = 300.0

    /// The chart as a standalone SVG document.
    public var svg: String { Self.sideBySide([self], title: nil) }

    /// Several charts in one row of one SVG document.
    public static func sideBySide(_ charts: [LineChart], title: String?) -> String {
        let top = title == nil ? 0.0 : 30.0
        var document = SVGDocument(width: panelWidth * Double(max(1, charts.count)), height: panelHeight + top,
                                   title: title)
        for (index, chart) in charts.enumerated() {
            chart.draw(into: &document, originX: Double(index) * panelWidth, originY: top)
        }
        return document.rendered
    }

    private func draw(into svg: inout SVGDocument, originX: Double, originY: Double) {
        let (left, right, top, bottom) = (originX + 60, originX + Self.panelWidth - 20, originY + 40, originY + Self.panelHeight - 45)
        svg.text(title, x: (left + right) / 2, y: originY + 22, size: 13, anchor: "middle")
        let finite = series.flatMap(\.values).filter(\.isFinite)
        let count = max(1, series.map(\.values.count).max() ?? 1)
        var (low, high) = (finite.min() ?? 0, finite.max() ?? 1)
        if high - low < 1e-12 { (low, high) = (low - 0.5, high + 0.5) }
        let pad = (high - low) * 0.05
        (low, high) = (low - pad, high + pad)
        func x(_ epoch: Int) -> Double { count == 1 ? (left + right) / 2 : left + Double(epoch) / Double(count - 1) * (right - left) }
        func y(_ value: Double) -> Double { bottom - (value - low) / (high - low) * (bottom - top) }
        let yTicks = AxisTicks(covering: low...high)
        for value in yTicks.values {
            svg.line(x1: left, y1: y(value), x2: right, y2: y(value), color: "#e0e0e0")
            svg.text(yTicks.label(value), x: left - 5, y: y(value) + 4, size: 10, anchor: "end")
        }
        for epoch in AxisTicks.integers(covering: 1...count) {
            svg.text(String(epoch), x: x(epoch - 1), y: bottom + 15, size: 10, anchor: "middle")
        }
        svg.line(x1: left, y1: bottom, x2: right, y2: bottom)
        svg.line(x1: left, y1: top, x2: left, y2: bottom)
        svg.text(xLabel, x: (left + right) / 2, y: bottom + 32, size: 11, anchor: "middle")
        svg.text(yLabel, x: originX + 14, y: (top + bottom) / 2, size: 11, anchor: "middle", rotate: -90)
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().filter { $0.element.isFinite }.map { (x: x($0.offset), y: y($0.element)) }
            if points.count == 1 {
                svg.circle(x: points[0].x, y: points[0].y, radius: 3.5, fill: line.color)
            } else {
                svg.polyline(points, color: line.color, dashed: line.dashed)
            }
            let legendY = top + 6 + Double(index) * 16
            svg.line(x1: right - 110, y1: legendY, x2: right - 88, y2: legendY, color: line.color, width: 2, dashed: line.dashed)
            svg.text(line.name, x: right - 84, y: legendY + 4, size: 10)
        }
    }
}
