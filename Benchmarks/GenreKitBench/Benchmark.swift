import Foundation

/// One benchmark task. `prepare` runs once, untimed, and returns the closure that is timed.
///
/// Task names are shared with `scripts/bench/reference.py`, which does the same work in Python,
/// so `scripts/bench/compare.py` can pair the two and print ratios.
struct Benchmark: Sendable {
    /// `suite/task`, e.g. `dsp/mel_30s`.
    var name: String
    /// What is measured, in words, for the report.
    var summary: String
    var prepare: @Sendable () throws -> () throws -> Void
}

/// Every registered task, suite by suite. Each suite lives in its own file.
let allBenchmarks: [Benchmark] =
    audioIOBenchmarks + dspBenchmarks + tensorBenchmarks + nnBenchmarks + gtzanBenchmarks + endToEndBenchmarks
