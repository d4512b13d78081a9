/// Benchmarks of the DSP library. Names must match the tasks of `scripts/bench/reference.py`.
let dspBenchmarks: [Benchmark] = []
