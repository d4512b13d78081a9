import Foundation
import Plotting

/// The metrics of every epoch of a run (Keras' `History`), exportable as CSV, JSON and SVG curves.
public struct TrainingHistory: Codable, Equatable, Sendable {
    /// One entry per finished epoch, in order.
    public private(set) var epochs: [EpochMetrics] = []

    /// An empty history.
    public init() {}

    /// Appends the metrics of the next epoch.
    public mutating func append(_ metrics: EpochMetrics) { epochs.append(metrics) }

    /// All metric names, sorted (the column order of Keras' `CSVLogger`).
    public var metricNames: [String] { Set(epochs.flatMap(\.keys)).sorted() }

    /// One metric across epochs (NaN where an epoch lacks it).
    public func series(_ name: String) -> [Double] { epochs.map { $0[name] ?? .nan } }

    /// CSV with an `epoch` column (0-based, as Keras' `CSVLogger`) and one column per metric.
    public var csv: String {
        let names = metricNames
        let rows = epochs.enumerated().map { epoch, metrics in
            ([String(epoch)] + names.map { metrics[$0].map { String($0) } ?? "" }).joined(separator: ",")
        }
        return ((["epoch"] + names).joined(separator: ",") + "\n") + rows.map { $0 + "\n" }.joined()
    }

    /// JSON in the shape of Keras' `history.history`: `{"loss": [...], "val_loss": [...], ...}`.
    public var json: String {
        let body = metricNames.map { name in
            "  \"\(name)\": [" + series(name).map { $0.isFinite ? String($0) : "null" }.joined(separator: ", ") + "]"
        }
        return "{\n" + body.joined(separator: ",\n") + "\n}\n"
    }

    /// Two line charts side by side: training/validation loss and training/validation accuracy.
    public func curvesSVG(title: String = "Training curves") -> String {
        let panels = [("loss", "Loss"), ("accuracy", "Accuracy")].map { metric, label in
            LineChart(title: label, xLabel: "epoch", yLabel: label.lowercased(),
                      series: [LineChart.Series(name: "training", values: series(metric), color: "#1f77b4"),
                               LineChart.Series(name: "validation", values: series("val_" + metric),
                                                color: "#ff7f0e", dashed: true)]
                        .filter { $0.values.contains { $0.isFinite } })
        }
        return LineChart.sideBySide(panels, title: title)
    }

    /// Writes `history.csv`, `history.json` and `curves.svg` into `directory` (atomically).
    public func write(to directory: URL) throws {
        try AtomicFile.write(csv, to: directory.appendingPathComponent("history.csv"))
        try AtomicFile.write(json, to: directory.appendingPathComponent("history.json"))
        try AtomicFile.write(curvesSVG(), to: directory.appendingPathComponent("curves.svg"))
    }
}
