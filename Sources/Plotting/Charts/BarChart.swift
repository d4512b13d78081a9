/// Vertical bars, one per category, each labelled with its value (class balance, per-class recall).
public struct BarChart: Chart {
    public var title: String
    /// One bar per category, coloured with `ChartColors.category`.
    public var categories: [String]
    /// The bar heights (non-finite values are left out).
    public var values: [Double]
    public var yLabel: String
    public var panelSize: (width: Double, height: Double)

    /// - Precondition: one value per category.
    public init(title: String, categories: [String], values: [Double], yLabel: String,
                panelSize: (width: Double, height: Double) = (520, 320)) {
        precondition(categories.count == values.count, "BarChart: \(categories.count) categories, \(values.count) values")
        self.title = title
        self.categories = categories
        self.values = values
        self.yLabel = yLabel
        self.panelSize = panelSize
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let high = values.filter(\.isFinite).max() ?? 1
        let area = PlotArea(origin: origin, size: panelSize, xRange: 0...Double(max(values.count, 1)),
                            yRange: 0...(high > 0 ? high * 1.1 : 1), margins: (70, 60))
        area.drawAxes(&svg, title: title, xLabel: "", yLabel: yLabel, xTicks: .none)
        area.drawCategories(&svg, categories)
        for (index, value) in values.enumerated() where value.isFinite {
            let (x0, x1) = (area.x(Double(index) + 0.15), area.x(Double(index) + 0.85))
            svg.rectangle(x: x0, y: area.y(value), width: x1 - x0, height: area.bottom - area.y(value),
                          fill: ChartColors.category(index))
            svg.text(PlotArea.label(value), x: (x0 + x1) / 2, y: area.y(value) - 3, size: 9, anchor: "middle")
        }
    }
}
