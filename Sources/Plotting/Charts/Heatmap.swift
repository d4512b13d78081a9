/// A matrix drawn as coloured cells with a colour bar: a correlation matrix (diverging colours, labelled rows and
/// columns), a spectrogram (sequential colours, first row at the bottom) or a confusion matrix (shares in blues,
/// counts written in the cells).
///
/// Adjacent cells of a row with the same colour are drawn as one rectangle, so large matrices with a
/// quantised colour scale stay small files.
public struct Heatmap: Chart {
    /// How values become colours.
    public enum Scale {
        /// `ChartColors.diverging` over −limit…limit (correlations: 1).
        case diverging(limit: Double)
        /// `ChartColors.magma` over the given range (the data's range when nil), quantised to `levels`.
        case sequential(ClosedRange<Double>?, levels: Int)
        /// `ChartColors.blues` over 0…1 (shares: a confusion matrix normalised by row).
        case share
    }

    public var title: String
    /// Rows of equal length.
    public var values: [[Double]]
    /// Names of rows and columns; empty to leave them out.
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Text written in each cell (rows of `values`' shape; empty for none), white on the darker half of the scale.
    public var cellLabels: [[String]]
    public var scale: Scale
    /// Draws the first row at the bottom (spectrograms: low frequencies down).
    public var firstRowAtBottom: Bool
    public var xLabel: String
    public var yLabel: String
    public var panelSize: (width: Double, height: Double)

    public init(title: String, values: [[Double]], rowLabels: [String] = [], columnLabels: [String] = [],
                cellLabels: [[String]] = [], scale: Scale, firstRowAtBottom: Bool = false, xLabel: String = "",
                yLabel: String = "", panelSize: (width: Double, height: Double) = (640, 640)) {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.cellLabels = cellLabels
        self.scale = scale
        self.firstRowAtBottom = firstRowAtBottom
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.panelSize = panelSize
    }

    /// Width kept right of the cells for the colour bar and its labels.
    public static let colorBarRoom = 48.0

    /// The colour of every cell.
    func colors() -> [[String]] {
        let color = colorScale()
        return values.map { $0.map(color.color) }
    }

    /// The value range the colours span and the colour of a value.
    func colorScale() -> (range: ClosedRange<Double>, color: @Sendable (Double) -> String) {
        switch scale {
        case let .diverging(limit):
            return (-limit...limit, { ChartColors.diverging($0 / limit) })
        case let .sequential(range, levels):
            let bounds = range ?? PlotArea.range(of: values.joined(), padding: 0)
            let width = max(bounds.upperBound - bounds.lowerBound, 1e-12)
            let steps = Double(max(levels, 2) - 1)
            return (bounds, { ChartColors.magma((min(max(($0 - bounds.lowerBound) / width, 0), 1) * steps).rounded() / steps) })
        case .share:
            return (0...1, ChartColors.blues)
        }
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let labelRoom = Double(max(rowLabels.map(\.count).max() ?? 0, columnLabels.map(\.count).max() ?? 0))
        let rows = values.count, columns = values.first?.count ?? 0
        guard rows > 0, columns > 0 else { return }
        let font = rowLabels.count > 30 || columnLabels.count > 30 ? 7.0 : 10.0
        let left = origin.x + max(40, labelRoom * font * 0.6 + 8), top = origin.y + 40
        let bottom = origin.y + panelSize.height - max(36, columnLabels.isEmpty ? 36 : labelRoom * font * 0.6 + 10)
        let (width, height) = (origin.x + panelSize.width - 16 - Self.colorBarRoom - left, bottom - top)
        let (cellWidth, cellHeight) = (width / Double(columns), height / Double(rows))
        svg.text(title, x: left + width / 2, y: origin.y + 22, size: 13, anchor: "middle")
        for (row, colors) in colors().enumerated() {
            let y = top + Double(firstRowAtBottom ? rows - 1 - row : row) * cellHeight
            var start = 0
            for column in 1...columns where column == columns || colors[column] != colors[start] {
                svg.rectangle(x: left + Double(start) * cellWidth, y: y, width: Double(column - start) * cellWidth + 0.3,
                              height: cellHeight + 0.3, fill: colors[start])
                start = column
            }
        }
        drawCellLabels(&svg, left: left, top: top, cell: (cellWidth, cellHeight))
        for (row, name) in rowLabels.enumerated() {
            let y = top + (Double(firstRowAtBottom ? rows - 1 - row : row) + 0.5) * cellHeight + font / 3
            svg.text(name, x: left - 4, y: y, size: font, anchor: "end")
        }
        for (column, name) in columnLabels.enumerated() {
            let x = left + (Double(column) + 0.5) * cellWidth
            svg.text(name, x: x, y: bottom + 6, size: font, anchor: "end", rotate: -90)
        }
        let (range, color) = colorScale()
        svg.colorBar(x: left + width + 10, top: top, bottom: bottom, range: range, color: color)
        svg.text(xLabel, x: left + width / 2, y: origin.y + panelSize.height - 8, size: 11, anchor: "middle")
        svg.text(yLabel, x: origin.x + 14, y: top + height / 2, size: 11, anchor: "middle", rotate: -90)
    }

    /// `cellLabels` centred in their cells, white where the colour is in the darker half of the scale.
    private func drawCellLabels(_ svg: inout SVGDocument, left: Double, top: Double, cell: (width: Double, height: Double)) {
        let range = colorScale().range
        for (row, labels) in cellLabels.enumerated() where row < values.count {
            let y = top + (Double(firstRowAtBottom ? values.count - 1 - row : row) + 0.5) * cell.height + 4
            for (column, label) in labels.enumerated() where column < values[row].count {
                let position = (values[row][column] - range.lowerBound) / (range.upperBound - range.lowerBound)
                let dark: Bool
                if case .diverging = scale { dark = abs(position - 0.5) > 0.25 } else { dark = position > 0.5 }
                svg.text(label, x: left + (Double(column) + 0.5) * cell.width, y: y, size: 11, anchor: "middle",
                         color: dark ? "white" : "black")
            }
        }
    }
}
