/// Benchmarks of the GTZAN library. Names must match the tasks of `scripts/bench/reference.py`.
let gtzanBenchmarks: [Benchmark] = []
