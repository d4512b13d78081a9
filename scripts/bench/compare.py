#!/usr/bin/env python3
"""Runs GenreKit's benchmarks beside the Python reference and prints ratios.

    compare.py --bench .build/release/genrekit-bench [--python VENV/bin/python]
               [--filter SUBSTRING] [--rounds 3] [--repeat 5] [--threads N] [--out BENCHMARKS.md]

For every task both sides implement (same name in `genrekit-bench --list` and `reference.py --list`),
the two run in separate processes, interleaved A B A B … for `--rounds` rounds, each process doing one
warm-up and `--repeat` timed repetitions. The table shows the median over all timed repetitions, the
ratio reference / ours (> 1 means GenreKit is faster) and each side's peak RSS.
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


def fmt_time(seconds):
    return f"{seconds * 1e3:.2f} ms" if seconds < 10 else f"{seconds:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default=".build/release/genrekit-bench")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--filter")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args()

    env = dict(os.environ, GENREKIT_THREADS=str(args.threads), OMP_NUM_THREADS=str(args.threads),
               OPENBLAS_NUM_THREADS=str(args.threads), BENCH_THREADS=str(args.threads))
    ours_cmd = [args.bench]
    ref_cmd = [args.python, os.path.join(HERE, "reference.py")]
    ours, ref = list_tasks(ours_cmd), list_tasks(ref_cmd)
    names = [n for n in ours if n in ref and (not args.filter or args.filter in n)]
    only_ours = [n for n in ours if n not in ref]

    rows = []
    for name in names:
        samples = {"ours": [], "ref": []}
        peaks = {"ours": 0, "ref": 0}
        try:
            for _ in range(args.rounds):
                for side, cmd in (("ours", ours_cmd), ("ref", ref_cmd)):
                    result = run_task(cmd, name, args.repeat, env)
                    samples[side] += result["seconds"]
                    peaks[side] = max(peaks[side], result["peak_rss"])
        except RuntimeError as error:
            print(error, file=sys.stderr)
            continue
        mo, mr = statistics.median(samples["ours"]), statistics.median(samples["ref"])
        rows.append((name, ours[name], mo, mr, mr / mo, peaks["ours"], peaks["ref"]))
        print(f"{name:42s} ours {fmt_time(mo):>10s}  ref {fmt_time(mr):>10s}  ratio {mr / mo:6.2f}×", flush=True)

    py_versions, swift_version, libs = versions(args.python)
    command = " ".join(["python3", "scripts/bench/compare.py"] + sys.argv[1:])
    lines = [
        "# Benchmarks",
        "",
        f"Measured {datetime.date.today().isoformat()} on {cpu_model()}, {args.threads} thread(s) on both sides, "
        f"{args.rounds} interleaved rounds × {args.repeat} repetitions, medians.",
        f"Swift: {swift_version}. C libraries: {libs}. Python reference: {py_versions}.",
        f"Reproduce: `make bench-compare` (runs `{command}`).",
        "",
        "Ratio = reference time / GenreKit time: above 1 means GenreKit is faster.",
        "",
        "| task | what | GenreKit | reference | ratio | peak RSS ours | peak RSS ref |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, summary, mo, mr, ratio, po, pr in rows:
        lines.append(f"| `{name}` | {summary} | {fmt_time(mo)} | {fmt_time(mr)} | {ratio:.2f}× | "
                     f"{po / 2**20:.0f} MiB | {pr / 2**20:.0f} MiB |")
    if only_ours:
        lines += ["", "Tasks with no Python counterpart (timed by `make bench` only): "
                  + ", ".join(f"`{n}`" for n in only_ours) + "."]
    with open(args.out, "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
