/// A line chart of values per epoch, rendered as SVG with axes, ticks and a legend.
public struct LineChart: Chart, Sendable {
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

    /// The panel size the chart is drawn at.
    public var panelSize: (width: Double, height: Double)

    /// A chart of `series`.
    public init(title: String, xLabel: String, yLabel: String, series: [Series],
                panelSize: (width: Double, height: Double) = (420, 300)) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.series = series
        self.panelSize = panelSize
    }

    /// Several charts in one row of one SVG document.
    public static func sideBySide(_ charts: [LineChart], title: String?) -> String {
        ChartGrid(charts: charts, columns: max(1, charts.count), title: title).svg
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let count = max(1, series.map(\.values.count).max() ?? 1)
        let area = PlotArea(origin: origin, size: panelSize, xRange: 1...Double(count),
                            yRange: PlotArea.range(of: series.flatMap(\.values)))
        area.drawAxes(&svg, title: title, xLabel: xLabel, yLabel: yLabel, xTicks: .integers)
        for (index, line) in series.enumerated() {
            let points = line.values.enumerated().filter { $0.element.isFinite }
                .map { (x: area.x(Double($0.offset + 1)), y: area.y($0.element)) }
            if points.count == 1 {
                svg.circle(x: points[0].x, y: points[0].y, radius: 3.5, fill: line.color)
            } else {
                svg.polyline(points, color: line.color, dashed: line.dashed)
            }
            let legendY = area.top + 6 + Double(index) * 16
            svg.line(x1: area.right - 110, y1: legendY, x2: area.right - 88, y2: legendY, color: line.color, width: 2,
                     dashed: line.dashed)
            svg.text(line.name, x: area.right - 84, y: legendY + 4, size: 10)
        }
    }
}
