/// Benchmarks of the AudioIO library. Names must match the tasks of `scripts/bench/reference.py`.
let audioIOBenchmarks: [Benchmark] = []
