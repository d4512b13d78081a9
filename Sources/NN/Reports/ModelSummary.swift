/// A Keras-style model summary: one row per layer (name, type, output shape, parameter count) and the
/// total, trainable and non-trainable parameter counts.
public struct ModelSummary: Equatable, Sendable {
    /// One layer of the table.
    public struct Row: Equatable, Sendable {
        /// The layer's state-dict prefix, e.g. `conv_layers.0`.
        public var name: String
        /// The layer type, e.g. `Conv2D`.
        public var type: String
        /// The output shape without the batch dimension, or nil when unknown.
        public var outputShape: [Int]?
        /// Parameters owned by this layer itself (not its children).
        public var parameters: Int
        /// Of those, how many are trainable.
        public var trainable: Int

        /// A row.
        public init(name: String, type: String, outputShape: [Int]?, parameters: Int, trainable: Int) {
            self.name = name
            self.type = type
            self.outputShape = outputShape
            self.parameters = parameters
            self.trainable = trainable
        }
    }

    /// Shown as `Model: "title"`.
    public var title: String
    /// The layers, in module order.
    public var rows: [Row]
    /// Counted like Keras: parameters plus non-trainable weights (BatchNorm running mean and variance).
    public var totalParameters: Int
    /// Parameters that require gradients.
    public var trainableParameters: Int
    /// Total minus trainable.
    public var nonTrainableParameters: Int { totalParameters - trainableParameters }

    /// A summary; `Module.summary(inputShape:title:)` builds one from a model.
    public init(title: String, rows: [Row], totalParameters: Int, trainableParameters: Int) {
        self.title = title
        self.rows = rows
        self.totalParameters = totalParameters
        self.trainableParameters = trainableParameters
    }

    /// The table as Keras prints it (`Model: "…"`, ruled columns, thousands separators).
    public var table: String {
        let header = ("Layer (type)", "Output Shape", "Param #")
        let cells = rows.map { row in
            ("\(row.name) (\(row.type))",
             row.outputShape.map { "(None, " + $0.map(String.init).joined(separator: ", ") + ")" } ?? "?",
             Self.grouped(row.parameters))
        }
        let widths = [max(28, (cells.map(\.0.count) + [header.0.count]).max()! + 2),
                      max(26, (cells.map(\.1.count) + [header.1.count]).max()! + 2), 10]
        func line(_ c: (String, String, String)) -> String {
            (" " + c.0.padding(toLength: widths[0], withPad: " ", startingAt: 0)
                + c.1.padding(toLength: widths[1], withPad: " ", startingAt: 0) + c.2)
        }
        let width = widths.reduce(1, +)
        return ([#"Model: "\#(title)""#, String(repeating: "_", count: width), line(header),
                 String(repeating: "=", count: width)]
                + cells.map(line)
                + [String(repeating: "=", count: width),
                   "Total params: \(Self.grouped(totalParameters))",
                   "Trainable params: \(Self.grouped(trainableParameters))",
                   "Non-trainable params: \(Self.grouped(nonTrainableParameters))",
                   String(repeating: "_", count: width)]).joined(separator: "\n")
    }

    /// `1234567` → `1,234,567`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
