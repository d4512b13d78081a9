#!/usr/bin/env python3
"""Runs GenreKit's benchmarks beside the Python reference and prints ratios.

    compare.py --bench .build/release/genrekit-bench [--python VENV/bin/python]
               [--filter SUBSTRING,...] [--exclude SUBSTRING,...] [--rounds 3] [--repeat 5] [--budget 20] [--threads N] [--out BENCHMARKS.md]

For every task both sides implement (same name in `genrekit-bench --list` and `reference.py --list`),
the two run in separate processes, interleaved A B A B … for `--rounds` rounds, each process doing one
warm-up and timed repetitions: one in the first round, then `--repeat`, reduced so that one process's
timed runs take about `--budget` seconds (slow tasks get more processes rather than long ones, which
is what survives a shared, loaded machine). Text below the notes marker of an existing output file
is kept. The table shows the median over all timed repetitions, the
ratio reference / ours (> 1 means GenreKit is faster), the same ratio of process CPU time when both
sides report it, and each side's peak RSS. The load average before and after the run is recorded.
"""
import argparse, json, os, platform, statistics, subprocess, sys, datetime

HERE = os.path.dirname(os.path.abspath(__file__))


def list_tasks(command):
    out = subprocess.run(command + ["--list"], check=True, capture_output=True, text=True).stdout
    return dict(line.split("\t", 1) for line in out.splitlines() if "\t" in line)


def run_task(command, task, repeat, env):
    out = subprocess.run(command + ["--task", task, "--repeat", str(repeat), "--json"],
                         capture_output=True, text=True, env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} --task {task} failed:\n{out.stderr.strip()}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def versions(python):
    script = ("import importlib.metadata as m\n"
              "for p in ['torch','torchaudio','librosa','numpy','scipy','soxr']:\n"
              "    print(p, m.version(p))")
    out = subprocess.run([python, "-c", script], capture_output=True, text=True).stdout
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    libs = []
    for pc in ["openblas", "fftw3f", "sndfile", "soxr"]:
        v = subprocess.run(["pkg-config", "--modversion", pc], capture_output=True, text=True).stdout.strip()
        libs.append(f"{pc} {v or '?'}")
    return out.strip().replace("\n", ", "), (swift[0] if swift else "swift ?"), ", ".join(libs)


NOTES_MARKER = "<!-- notes: kept by compare.py when it rewrites this file -->"


def kept_notes(path):
    """The hand-written part of an existing results file: everything from NOTES_MARKER on."""
    try:
        with open(path) as f:
            text = f.read()
    except OSError:
        return []
    return ["", text[text.index(NOTES_MARKER):].rstrip("\n")] if NOTES_MARKER in text else []


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return " / ".join(f.read().split()[:3])
    except OSError:
        return "unknown"


def fmt_time(seconds):
    return f"{seconds * 1e3:.2f} ms" if seconds < 10 else f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default=".build/release/genrekit-bench")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--filter", help="run tasks containing this substring (or any of several, comma-separated)")
    parser.add_argument("--exclude", default="", help="comma-separated substrings of tasks to skip")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--budget", type=float, default=20,
                        help="seconds of timed runs per process after the first round")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args()

    env = dict(os.environ, GENREKIT_THREADS=str(args.threads), OMP_NUM_THREADS=str(args.threads),
               OPENBLAS_NUM_THREADS=str(args.threads), BENCH_THREADS=str(args.threads))
    ours_cmd = [args.bench]
    ref_cmd = [args.python, os.path.join(HERE, "reference.py")]
    ours, ref = list_tasks(ours_cmd), list_tasks(ref_cmd)
    excluded = [part for part in args.exclude.split(",") if part]
    wanted = [part for part in (args.filter or "").split(",") if part]
    # End-to-end tasks (real data) belong to e2e.py (`make bench-e2e`).
    ours = {n: s for n, s in ours.items() if not n.startswith("e2e/")}
    names = [n for n in ours if n in ref and (not wanted or any(part in n for part in wanted))
             and not any(part in n for part in excluded)]
    only_ours = [n for n in ours if n not in ref]

    load_before = load_average()
    rows = []
    for name in names:
        samples = {"ours": [], "ref": []}
        cpu = {"ours": [], "ref": []}
        peaks = {"ours": 0, "ref": 0}
        repeat = 1
        try:
            for _ in range(args.rounds):
                for side, cmd in (("ours", ours_cmd), ("ref", ref_cmd)):
                    result = run_task(cmd, name, repeat, env)
                    samples[side] += result["seconds"]
                    cpu[side] += result.get("cpu_seconds", [])
                    peaks[side] = max(peaks[side], result["peak_rss"])
                slowest = max(max(samples["ours"]), max(samples["ref"]))
                repeat = max(1, min(args.repeat, int(args.budget / max(slowest, 1e-9))))
        except RuntimeError as error:
            print(error, file=sys.stderr)
            continue
        mo, mr = statistics.median(samples["ours"]), statistics.median(samples["ref"])
        cpu_ratio = statistics.median(cpu["ref"]) / statistics.median(cpu["ours"]) \
            if cpu["ours"] and cpu["ref"] else None
        rows.append((name, ours[name], mo, mr, mr / mo, cpu_ratio, peaks["ours"], peaks["ref"]))
        cpu_text = f"  cpu ratio {cpu_ratio:6.2f}×" if cpu_ratio else ""
        print(f"{name:42s} ours {fmt_time(mo):>10s}  ref {fmt_time(mr):>10s}  ratio {mr / mo:6.2f}×{cpu_text}",
              flush=True)
    load_after = load_average()

    py_versions, swift_version, libs = versions(args.python)
    command = " ".join(["python3", "scripts/bench/compare.py"] + sys.argv[1:])
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {cpu_model()}, {args.threads} thread(s) on both sides, "
        f"{args.rounds} interleaved rounds (one repetition in the first, then up to {args.repeat}, "
        f"capped at {args.budget:g} s of timed runs per process), medians of all repetitions.",
        f"Machine load (1 / 5 / 15 min load average, {os.cpu_count()} logical CPUs): {load_before} before, "
        f"{load_after} after.",
        f"Swift: {swift_version}. C libraries: {libs}. Python reference: {py_versions}.",
        f"Reproduce: `make bench-compare` (runs `{command}`).",
        "",
        "Ratio = reference time / GenreKit time: above 1 means GenreKit is faster. CPU ratio: the same with "
        "the process CPU time (user + system, all threads) of each repetition, less sensitive to other "
        "processes' load but counting threads that spin while waiting.",
        "",
        "| task | what | GenreKit | reference | ratio | CPU ratio | peak RSS ours | peak RSS ref |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, summary, mo, mr, ratio, cpu_ratio, po, pr in rows:
        cpu_text = f"{cpu_ratio:.2f}×" if cpu_ratio else "–"
        lines.append(f"| `{name}` | {summary} | {fmt_time(mo)} | {fmt_time(mr)} | {ratio:.2f}× | {cpu_text} | "
                     f"{po / 2**20:.0f} MiB | {pr / 2**20:.0f} MiB |")
    if only_ours:
        lines += ["", "Tasks with no Python counterpart (timed by `make bench` only): "
                  + ", ".join(f"`{n}`" for n in only_ours) + "."]
    skipped = [n for n in ours if n in ref and any(part in n for part in excluded)]
    if skipped:
        lines += ["", f"Skipped in this run (`--exclude {args.exclude}`): " + ", ".join(f"`{n}`" for n in skipped) + "."]
    lines += kept_notes(args.out)
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
