/// A waveform over time, drawn as its minimum–maximum envelope per pixel column.
public struct WaveformPlot: Chart {
    public var title: String
    public var samples: [Float]
    public var sampleRate: Double
    public var color: String
    public var panelSize: (width: Double, height: Double)

    public init(title: String, samples: [Float], sampleRate: Double, color: String = ChartColors.category(0),
                panelSize: (width: Double, height: Double) = (420, 220)) {
        self.title = title
        self.samples = samples
        self.sampleRate = sampleRate
        self.color = color
        self.panelSize = panelSize
    }

    public func draw(into svg: inout SVGDocument, origin: (x: Double, y: Double)) {
        let peak = Double(samples.lazy.map { abs($0) }.max() ?? 1)
        let duration = Double(samples.count) / sampleRate
        let area = PlotArea(origin: origin, size: panelSize, xRange: 0...max(duration, 1e-3),
                            yRange: -max(peak, 1e-6)...max(peak, 1e-6))
        area.drawAxes(&svg, title: title, xLabel: "time (s)", yLabel: "amplitude")
        let columns = max(1, Int(area.right - area.left))
        guard !samples.isEmpty else { return }
        var points: [(x: Double, y: Double)] = []
        points.reserveCapacity(2 * columns)
        samples.withUnsafeBufferPointer { buffer in
            for column in 0..<columns {
                let start = column * buffer.count / columns, end = max(start + 1, (column + 1) * buffer.count / columns)
                var (low, high) = (buffer[start], buffer[start])
                for index in start..<min(end, buffer.count) {
                    low = min(low, buffer[index])
                    high = max(high, buffer[index])
                }
                let x = area.left + Double(column) + 0.5
                points.append((x, area.y(Double(high))))
                points.append((x, area.y(Double(low))))
            }
        }
        svg.polyline(points, color: color, width: 1)
    }
}
