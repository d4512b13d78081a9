/// Points in groups of one colour each, with a legend (a 2-D PCA projection coloured by genre).
public struct ScatterPlot: Chart {
    /// The points of one category.
    public struct Group {
        public var name: String
        public var points: [(x: Double, y: Double)]
        public var color: String

        public init(name: String, points: [(x: Double, y: Double)], color: String) {
            self.name = name
            self.points = points
            self.color = color
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var groups: [Group]
    public var panelSize: (width: Double, height: Double)

    public init(title: String, xLabel: String, yLabel: String, groups: [Group],
                panelSize: (width: Double, height: Double) = (620, 460)) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.groups = groups
        self.panelSize = panelSize
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let points = groups.flatMap(\.points)
        let legendWidth = 90.0
        let area = PlotArea(origin: origin, size: (panelSize.width - legendWidth, panelSize.height),
                            xRange: PlotArea.range(of: points.map(\.x)), yRange: PlotArea.range(of: points.map(\.y)))
        area.drawAxes(&svg, title: title, xLabel: xLabel, yLabel: yLabel)
        for group in groups {
            for point in group.points where point.x.isFinite && point.y.isFinite {
                svg.rectangle(x: area.x(point.x) - 2.5, y: area.y(point.y) - 2.5, width: 5, height: 5, fill: group.color)
            }
        }
        for (index, group) in groups.enumerated() {
            let y = area.top + Double(index) * 16
            svg.rectangle(x: area.right + 12, y: y - 4, width: 8, height: 8, fill: group.color)
            svg.text(group.name, x: area.right + 24, y: y + 4, size: 10)
        }
    }
}
