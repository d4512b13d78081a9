import Foundation

/// A minimal SVG writer for the report figures (heatmaps, line charts); no plotting dependency.
public struct SVGDocument: Sendable {
    /// Canvas width in pixels.
    public let width: Double
    /// Canvas height in pixels.
    public let height: Double
    private var elements: [String] = []

    /// A blank white canvas with `title` centred at the top.
    public init(width: Double, height: Double, title: String? = nil) {
        self.width = width
        self.height = height
        rectangle(x: 0, y: 0, width: width, height: height, fill: "white")
        if let title { text(title, x: width / 2, y: 24, size: 15, anchor: "middle") }
    }

    /// Appends a filled rectangle.
    public mutating func rectangle(x: Double, y: Double, width: Double, height: Double, fill: String,
                                   stroke: String? = nil) {
        let outline = stroke.map { " stroke=\"\($0)\"" } ?? ""
        elements.append("<rect x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" width=\"\(Self.number(width))\" "
                        + "height=\"\(Self.number(height))\" fill=\"\(fill)\"\(outline)/>")
    }

    /// Appends a straight line.
    public mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, color: String = "black",
                              width: Double = 1, dashed: Bool = false) {
        let dash = dashed ? " stroke-dasharray=\"4 3\"" : ""
        elements.append("<line x1=\"\(Self.number(x1))\" y1=\"\(Self.number(y1))\" x2=\"\(Self.number(x2))\" "
                        + "y2=\"\(Self.number(y2))\" stroke=\"\(color)\" stroke-width=\"\(Self.number(width))\"\(dash)/>")
    }

    /// Appends a filled circle (a single data point).
    public mutating func circle(x: Double, y: Double, radius: Double, fill: String) {
        elements.append("<circle cx=\"\(Self.number(x))\" cy=\"\(Self.number(y))\" r=\"\(Self.number(radius))\" "
                        + "fill=\"\(fill)\"/>")
    }

    /// Appends a vertical colour bar at `x` from `top` (the range's upper end) to `bottom`, 12 px wide: one
    /// rectangle filled with a 33-stop gradient of `color`, with round tick values (`AxisTicks`) to its right;
    /// the legend of a heatmap whose cells `color` paints.
    public mutating func colorBar(x: Double, top: Double, bottom: Double, range: ClosedRange<Double>,
                                  color: (Double) -> String) {
        let span = range.upperBound - range.lowerBound
        guard span > 0, bottom > top else { return }
        let id = "colorbar\(elements.count)", stops = 32
        let gradient = (0...stops).map { step -> String in
            let share = Double(step) / Double(stops)
            return "<stop offset=\"\(Self.number(share))\" stop-color=\"\(color(range.upperBound - share * span))\"/>"
        }
        elements.append("<defs><linearGradient id=\"\(id)\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"1\">"
                        + gradient.joined() + "</linearGradient></defs>")
        rectangle(x: x, y: top, width: 12, height: bottom - top, fill: "url(#\(id))", stroke: "#808080")
        let ticks = AxisTicks(covering: range)
        for value in ticks.values {
            let y = bottom - (value - range.lowerBound) / span * (bottom - top)
            line(x1: x + 12, y1: y, x2: x + 15, y2: y, color: "#808080")
            text(ticks.label(value), x: x + 17, y: y + 3, size: 9)
        }
    }

    /// Appends a polyline through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], color: String, width: Double = 2,
                                  dashed: Bool = false) {
        let list = points.map { "\(Self.number($0.x)),\(Self.number($0.y))" }.joined(separator: " ")
        let dash = dashed ? " stroke-dasharray=\"6 4\"" : ""
        elements.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(color)\" "
                        + "stroke-width=\"\(Self.number(width))\"\(dash)/>")
    }

    /// Appends text; `anchor` is `start`, `middle` or `end`; `rotate` turns it (degrees) about its anchor.
    public mutating func text(_ string: String, x: Double, y: Double, size: Double = 12, anchor: String = "start",
                              color: String = "black", rotate: Double = 0) {
        let turn = rotate == 0 ? "" : " transform=\"rotate(\(Self.number(rotate)) \(Self.number(x)) \(Self.number(y)))\""
        elements.append("<text x=\"\(Self.number(x))\" y=\"\(Self.number(y))\" font-family=\"sans-serif\" "
                        + "font-size=\"\(Self.number(size))\" text-anchor=\"\(anchor)\" fill=\"\(color)\"\(turn)>"
                        + Self.escaped(string) + "</text>")
    }

    /// The complete SVG document.
    public var rendered: String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Self.number(width))\" height=\"\(Self.number(height))\" "
            + "viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\">\n" + elements.joined(separator: "\n")
            + "\n</svg>\n"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(format: "%.2f", value)
    }

    static func escaped(_ string: String) -> String {
        string.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
