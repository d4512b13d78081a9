/// Box-and-whisker plots of one value per category (a feature's distribution per genre), as matplotlib
/// draws them: box from the first to the third quartile, median line, whiskers to the furthest values
/// within 1.5 × IQR of the box, points beyond them drawn as outliers.
public struct BoxPlot: Chart {
    /// The five numbers and outliers of one category's values.
    public struct Summary: Equatable {
        public let lowerWhisker: Double, firstQuartile: Double, median: Double, thirdQuartile: Double, upperWhisker: Double
        public let outliers: [Double]

        /// The summary of the finite `values`; nil when there are none.
        /// Quartiles interpolate linearly between order statistics (NumPy's default `percentile`).
        public init?(_ values: [Double]) {
            let sorted = values.filter(\.isFinite).sorted()
            guard !sorted.isEmpty else { return nil }
            func quantile(_ q: Double) -> Double {
                let position = q * Double(sorted.count - 1)
                let low = Int(position), high = min(low + 1, sorted.count - 1)
                return sorted[low] + (sorted[high] - sorted[low]) * (position - Double(low))
            }
            let (q1, q3) = (quantile(0.25), quantile(0.75))
            let reach = 1.5 * (q3 - q1)
            let inside = sorted.filter { $0 >= q1 - reach && $0 <= q3 + reach }
            let (low, high) = (inside.first ?? q1, inside.last ?? q3)
            (firstQuartile, median, thirdQuartile, lowerWhisker, upperWhisker) = (q1, quantile(0.5), q3, low, high)
            outliers = sorted.filter { $0 < low || $0 > high }
        }
    }

    public var title: String
    public var categories: [String]
    /// One summary per category; nil for a category without finite values.
    public var summaries: [Summary?]
    public var yLabel: String
    public var panelSize: (width: Double, height: Double)

    /// - Parameters:
    ///   - title: shown above the plot.
    ///   - categories: one box per name, left to right.
    ///   - values: one array of values per category.
    ///   - yLabel: the label of the value axis.
    ///   - panelSize: the panel the plot is drawn in.
    public init(title: String, categories: [String], values: [[Double]], yLabel: String,
                panelSize: (width: Double, height: Double) = (520, 340)) {
        precondition(categories.count == values.count, "BoxPlot: \(categories.count) categories, \(values.count) value lists")
        self.title = title
        self.categories = categories
        summaries = values.map { Summary($0) }
        self.yLabel = yLabel
        self.panelSize = panelSize
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let extremes = summaries.compactMap { $0 }.flatMap { [$0.lowerWhisker, $0.upperWhisker] + $0.outliers }
        let area = PlotArea(origin: origin, size: panelSize, xRange: 0...Double(max(categories.count, 1)),
                            yRange: PlotArea.range(of: extremes), margins: (70, 60))
        area.drawAxes(&svg, title: title, xLabel: "", yLabel: yLabel, xTicks: .none)
        area.drawCategories(&svg, categories)
        for (index, summary) in summaries.enumerated() {
            guard let summary else { continue }
            let (x0, x1) = (area.x(Double(index) + 0.2), area.x(Double(index) + 0.8))
            let centre = (x0 + x1) / 2
            let color = ChartColors.category(index)
            svg.line(x1: centre, y1: area.y(summary.lowerWhisker), x2: centre, y2: area.y(summary.firstQuartile), color: color)
            svg.line(x1: centre, y1: area.y(summary.thirdQuartile), x2: centre, y2: area.y(summary.upperWhisker), color: color)
            for whisker in [summary.lowerWhisker, summary.upperWhisker] {
                svg.line(x1: centre - 6, y1: area.y(whisker), x2: centre + 6, y2: area.y(whisker), color: color)
            }
            svg.rectangle(x: x0, y: area.y(summary.thirdQuartile), width: x1 - x0,
                          height: max(0.5, area.y(summary.firstQuartile) - area.y(summary.thirdQuartile)),
                          fill: color + "66", stroke: color)
            svg.line(x1: x0, y1: area.y(summary.median), x2: x1, y2: area.y(summary.median), color: "black", width: 2)
            for outlier in summary.outliers {
                svg.rectangle(x: centre - 1.5, y: area.y(outlier) - 1.5, width: 3, height: 3, fill: color)
            }
        }
    }
}
