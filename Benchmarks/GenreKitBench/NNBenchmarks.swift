/// Benchmarks of the NN library. Names must match the tasks of `scripts/bench/reference.py`.
let nnBenchmarks: [Benchmark] = []
