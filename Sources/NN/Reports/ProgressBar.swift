import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A progress display for loops over batches: on a terminal one redrawn line with a bar, batches/s, ETA and
/// running metrics; otherwise (logs, pipes, CI) one plain line per finished pass, plus `plainLines` evenly
/// spaced lines during the pass for long jobs. Thread-safe: workers may call `advance()` concurrently.
///
/// ```swift
/// let bar = ProgressBar(label: "Epoch 1/50", total: batches.count)
/// for (i, batch) in batches.enumerated() {
///     let loss = step(batch)
///     bar.update(completed: i + 1, metrics: [("loss", loss)])
/// }
/// bar.finish(metrics: [("loss", meanLoss), ("val_accuracy", accuracy)])
/// ```
// @unchecked: the counters and the (non-Sendable) sink and clock are used only under `lock` once initialised.
public final class ProgressBar: @unchecked Sendable {
    /// Where text goes.
    public typealias Sink = (String) -> Void

    /// Shown at the start of the line.
    public let label: String
    /// The number of steps, or nil when unknown (no bar or ETA is drawn).
    public let total: Int?
    /// Whether the line is redrawn in place (a terminal).
    public let isInteractive: Bool
    /// Plain lines printed during a pass when not interactive (0: only the final line).
    public let plainLines: Int
    private let sink: Sink
    private let clock: () -> Double
    private let start: Double
    private let lock = NSLock()
    private var lastDraw = -Double.infinity
    private var completed = 0

    /// A bar writing to standard output, interactive when standard output is a terminal (`isatty`).
    /// `clock` (seconds) is injectable for tests.
    public init(label: String, total: Int?, interactive: Bool = isatty(STDOUT_FILENO) != 0, plainLines: Int = 0,
                sink: @escaping Sink = { FileHandle.standardOutput.write(Data($0.utf8)) },
                clock: @escaping () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.label = label
        self.total = total
        self.isInteractive = interactive
        self.plainLines = plainLines
        self.sink = sink
        self.clock = clock
        start = clock()
    }

    /// Records that `completed` steps are done; redraws at most 10 times a second on a terminal.
    public func update(completed: Int, metrics: [(String, Double)] = []) {
        lock.lock()
        defer { lock.unlock() }
        let previous = self.completed
        self.completed = completed
        draw(after: previous, metrics: metrics)
    }

    /// Records `steps` more finished steps (safe to call from several threads).
    public func advance(by steps: Int = 1, metrics: [(String, Double)] = []) {
        lock.lock()
        defer { lock.unlock() }
        completed += steps
        draw(after: completed - steps, metrics: metrics)
    }

    private func draw(after previous: Int, metrics: [(String, Double)]) {
        if isInteractive {
            let now = clock()
            guard now - lastDraw >= 0.1 || completed == total else { return }
            lastDraw = now
            sink("\r\u{1B}[K" + line(now: now, metrics: metrics, finished: false))
        } else if plainLines > 0, let total, total > 0, completed < total {
            let step = max(total / (plainLines + 1), 1)
            guard completed / step > previous / step else { return }
            sink(line(now: clock(), metrics: metrics, finished: false) + "\n")
        }
    }

    /// Ends the pass with its final metrics: completes the terminal line, or prints the plain line.
    public func finish(metrics: [(String, Double)] = []) {
        lock.lock()
        defer { lock.unlock() }
        let text = line(now: clock(), metrics: metrics, finished: true)
        sink(isInteractive ? "\r\u{1B}[K" + text + "\n" : text + "\n")
    }

    private func line(now: Double, metrics: [(String, Double)], finished: Bool) -> String {
        let elapsed = max(now - start, 1e-9)
        let rate = Double(completed) / elapsed
        var parts = [label]
        if let total, !finished {
            let width = 24
            let filled = total == 0 ? width : min(width, completed * width / total)
            let bar = String(repeating: "=", count: filled) + (filled < width ? ">" : "")
            parts.append("[\(bar.padding(toLength: width, withPad: " ", startingAt: 0))] \(completed)/\(total)")
            if rate > 0 { parts.append("ETA " + Self.duration(Double(total - completed) / rate)) }
        } else {
            parts.append("\(completed) steps in " + Self.duration(elapsed))
        }
        parts.append(String(format: "%.1f it/s", rate))
        parts += metrics.map { "\($0.0) \(Self.format($0.1))" }
        return parts.joined(separator: "  ")
    }

    /// `m:ss` or `h:mm:ss`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite else { return "?" }
        let total = Int(seconds.rounded())
        let (h, m, s) = (total / 3600, total / 60 % 60, total % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }

    static func format(_ value: Double) -> String {
        abs(value) >= 1e-3 || value == 0 ? String(format: "%.4f", value) : String(format: "%.3e", value)
    }
}
