#!/usr/bin/env python3
"""The Python reference side of GenreKit's benchmarks.

`reference.py [--list] [--filter SUBSTRING | --task NAME] [--repeat N] [--json]` mirrors `genrekit-bench`:
the same task names, one untimed warm-up, N timed repetitions, the median (with `--json`, also each
repetition's process CPU time). Tasks live in
`ref_<suite>.py` modules beside this file; each exposes TASKS = {name: (summary, prepare)}
where prepare() returns the callable that is timed.
"""
import argparse, importlib, json, os, resource, sys, time

SUITES = ["ref_audio", "ref_dsp", "ref_tensor", "ref_nn", "ref_gtzan", "ref_e2e"]


def load_tasks():
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    tasks = {}
    for suite in SUITES:
        try:
            module = importlib.import_module(suite)
        except ModuleNotFoundError as error:
            if error.name == suite:
                continue
            raise
        tasks.update(module.TASKS)
    return tasks


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--list", action="store_true")
    parser.add_argument("--filter")
    parser.add_argument("--task", help="run exactly this task")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    threads = int(os.environ.get("BENCH_THREADS", os.cpu_count() or 1))
    try:
        import torch
        torch.set_num_threads(threads)
    except ImportError:
        pass
    tasks = {k: v for k, v in load_tasks().items()
             if (not args.filter or args.filter in k) and (not args.task or args.task == k)}
    for name, (summary, prepare) in tasks.items():
        if args.list:
            print(f"{name}\t{summary}")
            continue
        run = prepare()
        run()
        seconds, cpu_seconds = [], []
        for _ in range(max(1, args.repeat)):
            start, cpu_start = time.perf_counter(), time.process_time()
            run()
            seconds.append(time.perf_counter() - start)
            cpu_seconds.append(time.process_time() - cpu_start)
        median = sorted(seconds)[len(seconds) // 2]
        if args.json:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            print(json.dumps({"task": name, "seconds": seconds, "cpu_seconds": cpu_seconds, "median": median,
                              "peak_rss": peak}))
        else:
            print(f"{name:40s} {median * 1000:10.3f} ms")


if __name__ == "__main__":
    main()
