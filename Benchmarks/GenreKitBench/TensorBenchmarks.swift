/// Benchmarks of the Tensor library. Names must match the tasks of `scripts/bench/reference.py`.
let tensorBenchmarks: [Benchmark] = []
