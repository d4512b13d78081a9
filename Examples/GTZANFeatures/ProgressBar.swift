import Foundation

/// Progress of a batch on standard output: a redrawn bar with rate and ETA on a terminal, a plain
/// line every tenth of the work (and at the end) otherwise. Thread-safe.
final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let label: String
    private let interactive = isatty(STDOUT_FILENO) != 0
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(total: Int, label: String) {
        self.total = total
        self.label = label
    }

    /// Records one finished item and redraws when due.
    func advance() {
        lock.lock()
        defer { lock.unlock() }
        done += 1
        let now = Date()
        if interactive {
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            print("\r" + line(now: now, width: 30), terminator: done == total ? "\n" : "")
            fflush(stdout)
        } else if done == total || done % max(total / 10, 1) == 0 {
            print(line(now: now, width: 0))
            fflush(stdout)
        }
    }

    private func line(now: Date, width: Int) -> String {
        let fraction = total == 0 ? 1 : Double(done) / Double(total)
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let filled = Int(fraction * Double(width))
        let bar = width > 0 ? "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] " : ""
        return "\(label) \(bar)\(done)/\(total) (\(Int(fraction * 100))%) "
            + String(format: "%.1f/s", rate) + " elapsed \(Self.clock(elapsed)) ETA \(Self.clock(remaining))"
    }

    /// `m:ss` (or `h:mm:ss`).
    private static func clock(_ seconds: Double) -> String {
        let total = Int(seconds.rounded())
        let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
        return hours > 0 ? String(format: "%d:%02d:%02d", hours, minutes, secs) : String(format: "%d:%02d", minutes, secs)
    }
}
