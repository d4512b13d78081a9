/// A figure that draws itself into a panel of an `SVGDocument`; several charts tile into one document.
///
/// Line charts (training curves), bar charts, heatmaps (correlations, spectrograms, confusion matrices), scatter
/// plots, box plots and waveforms; every GenreKit figure is one of these, drawn on the same axes and ticks.
public protocol Chart {
    /// The panel size the chart is designed for.
    var panelSize: (width: Double, height: Double) { get }
    /// Draws the chart into the rectangle of `panelSize` whose top-left corner is `origin`.
    func draw(into document: inout SVGDocument, origin: (x: Double, y: Double))
}

extension Chart {
    /// The chart alone in an SVG document.
    public var svg: String { ChartGrid(charts: [self], columns: 1).svg }
}

/// Charts laid out row by row in one SVG document under an optional title.
public struct ChartGrid {
    /// The panels, left to right then top to bottom.
    public var charts: [any Chart]
    /// Panels per row.
    public var columns: Int
    /// The figure's title, above all panels.
    public var title: String?

    public init(charts: [any Chart], columns: Int, title: String? = nil) {
        self.charts = charts
        self.columns = max(1, columns)
        self.title = title
    }

    /// The SVG document; every cell takes the size of the largest panel.
    public var svg: String {
        let cellWidth = charts.map(\.panelSize.width).max() ?? 0
        let cellHeight = charts.map(\.panelSize.height).max() ?? 0
        let rows = (charts.count + columns - 1) / columns
        let top = title == nil ? 0.0 : 36.0
        var document = SVGDocument(width: cellWidth * Double(min(columns, max(1, charts.count))),
                                   height: top + cellHeight * Double(rows), title: title)
        for (index, chart) in charts.enumerated() {
            chart.draw(into: &document, origin: (Double(index % columns) * cellWidth, top + Double(index / columns) * cellHeight))
        }
        return document.rendered
    }
}
