import Foundation
import NN
import Plotting

/// The summary of a study (several runs: folds, kernels × recipes): one table per group with mean ± std,
/// and one figure per group with every run's validation accuracy.
public struct StudyReport {
    /// The runs' metrics, in run order.
    public let runs: [RunMetrics]
    /// The runs' training histories, by run name.
    public let histories: [String: TrainingHistory]

    public init(runs: [RunMetrics], histories: [String: TrainingHistory]) {
        self.runs = runs
        self.histories = histories
    }

    /// Runs grouped by `group` (ungrouped runs form one group named "runs"), in first-seen order.
    var groups: [(name: String, runs: [RunMetrics])] {
        var order: [String] = [], members: [String: [RunMetrics]] = [:]
        for run in runs {
            let name = run.group ?? "runs"
            if members[name] == nil { order.append(name) }
            members[name, default: []].append(run)
        }
        return order.map { ($0, members[$0]!) }
    }

    /// Mean and sample standard deviation.
    static func meanAndDeviation(_ values: [Double]) -> (mean: Double, deviation: Double) {
        let mean = values.reduce(0, +) / Double(max(values.count, 1))
        let squares = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
        return (mean, values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0)
    }

    /// Markdown tables: one row per run, then mean ± std.
    public var markdown: String {
        let columns: [(String, (RunMetrics) -> Double?)] = [
            ("validation", \.validationAccuracy), ("test", { $0.testAccuracy }), ("test file-wise", \.testFileAccuracy),
        ]
        return groups.map { group in
            var lines = ["### \(group.name)", "", "| run | epochs | " + columns.map(\.0).joined(separator: " | ") + " |",
                         "| --- | ---: | " + columns.map { _ in "---:" }.joined(separator: " | ") + " |"]
            lines += group.runs.map { run in
                "| \(run.run) | \(run.epochs) | " + columns.map { RunReport.percent($0.1(run)) }.joined(separator: " | ") + " |"
            }
            lines.append("| mean ± std | | " + columns.map { column in
                let values = group.runs.compactMap(column.1)
                guard !values.isEmpty else { return "—" }
                let (mean, deviation) = Self.meanAndDeviation(values)
                return String(format: "%.2f ± %.2f %%", mean * 100, deviation * 100)
            }.joined(separator: " | ") + " |")
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n") + "\n\nProtocol: \(Set(runs.map(\.evaluationProtocol)).sorted().joined(separator: ", "))"
            + (runs.contains(where: \.synthetic) ? " — synthetic dataset" : "") + "\n"
    }

    /// Validation (or training) accuracy of every run of `group`, one line each.
    public func curvesSVG(group: String) -> String {
        let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
        let members = groups.first { $0.name == group }?.runs ?? []
        let series = members.enumerated().compactMap { index, run -> LineChart.Series? in
            guard let history = histories[run.run] else { return nil }
            let metric = history.metricNames.contains("val_accuracy") ? "val_accuracy" : "accuracy"
            return LineChart.Series(name: run.run, values: history.series(metric), color: palette[index % palette.count])
        }
        return LineChart(title: "\(group): validation accuracy", xLabel: "epoch", yLabel: "accuracy", series: series).svg
    }

    /// Writes `results.md`, `results.json` and `<group>-curves.svg` into `directory`.
    public func write(to directory: URL) throws {
        try AtomicFile.write(markdown, to: directory.appendingPathComponent("results.md"))
        try AtomicFile.write(try RunMetrics.encoder.encode(runs), to: directory.appendingPathComponent("results.json"))
        for group in groups {
            let file = group.name.map { $0.isLetter || $0.isNumber ? $0 : "-" }
            try AtomicFile.write(curvesSVG(group: group.name), to: directory.appendingPathComponent("\(String(file))-curves.svg"))
        }
    }
}
