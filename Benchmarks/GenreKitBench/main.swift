import Foundation

/// `genrekit-bench [--list] [--filter SUBSTRING | --task NAME] [--repeat N] [--json]`
///
/// Runs each matching task: one untimed warm-up, then N timed repetitions; prints the median
/// (and with `--json`, one JSON object per task: name, wall and process CPU seconds of each repetition,
/// peak RSS in bytes).
struct Options {
    var filter: String?
    var task: String?
    var repetitions = 5
    var json = false
    var list = false

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--filter": filter = iterator.next()
            case "--task": task = iterator.next()
            case "--repeat": repetitions = iterator.next().flatMap(Int.init) ?? repetitions
            case "--json": json = true
            case "--list": list = true
            default:
                FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// Seconds on `clock` (`CLOCK_MONOTONIC` for wall time, `CLOCK_PROCESS_CPUTIME_ID` for CPU time of all threads).
func now(_ clock: clockid_t = CLOCK_MONOTONIC) -> Double {
    var time = timespec()
    clock_gettime(clock, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
}

func peakResidentBytes() -> Int {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return usage.ru_maxrss * 1024
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let selected = allBenchmarks.filter { benchmark in
    (options.filter.map(benchmark.name.contains) ?? true) && (options.task.map { $0 == benchmark.name } ?? true)
}
if options.list {
    for benchmark in selected { print("\(benchmark.name)\t\(benchmark.summary)") }
    exit(0)
}
var failed = false
for benchmark in selected {
    do {
        let run = try benchmark.prepare()
        try run()
        var seconds: [Double] = [], cpuSeconds: [Double] = []
        for _ in 0..<max(1, options.repetitions) {
            let start = now(), cpuStart = now(CLOCK_PROCESS_CPUTIME_ID)
            try run()
            seconds.append(now() - start)
            cpuSeconds.append(now(CLOCK_PROCESS_CPUTIME_ID) - cpuStart)
        }
        let median = seconds.sorted()[seconds.count / 2]
        if options.json {
            let list = { (values: [Double]) in values.map { String(format: "%.6f", $0) }.joined(separator: ", ") }
            print("{\"task\": \"\(benchmark.name)\", \"seconds\": [\(list(seconds))], \"cpu_seconds\": [\(list(cpuSeconds))], "
                  + "\"median\": \(median), \"peak_rss\": \(peakResidentBytes())}")
        } else {
            print(String(format: "%-40@ %10.3f ms", benchmark.name as NSString, median * 1000))
        }
    } catch {
        failed = true
        FileHandle.standardError.write(Data("\(benchmark.name): \(error)\n".utf8))
    }
}
exit(failed ? 1 : 0)
