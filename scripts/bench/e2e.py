#!/usr/bin/env python3
"""End-to-end timings: GenreKit's commands against the Python pipeline a user would write, on one machine.

    e2e.py --build .build/release --python VENV/bin/python [--data ../shared/gtzan-real] [--threads 2]
           [--rounds 3] [--only classify,features,cnn] [--out BENCHMARKS.md]

- classify: `genrekit-classify FILE` of a real 30 s excerpt and of a 5-minute WAV (ten real excerpts in a row,
  44.1 kHz stereo 16-bit) against `ref_e2e.py classify` (librosa.load, librosa's 57 features per 30 s window,
  the shipped safetensors exported to torch). Process wall time on both sides, rounds interleaved; the
  Python pipeline's own time after its imports is shown too.
- features: `gtzan-features` over the real excerpts (tracks per second) against librosa with joblib at the
  same number of processes.
- cnn: one cnn-dynamic epoch over the 999 real images (`genrekit-bench --task e2e/cnn_dynamic_epoch_images`)
  against a torch DataLoader with PIL decoding, and each side's steps × step time measured separately.

Each measurement records the load average before it. The rows replace the block between the e2e markers
of --out (appended below compare.py's notes marker when absent, so compare.py keeps them).
"""
import argparse, glob, json, os, statistics, subprocess, sys, tempfile, time, datetime

HERE = os.path.dirname(os.path.abspath(__file__))
GENRES = ["blues", "classical", "country", "disco", "hiphop", "jazz", "metal", "pop", "reggae", "rock"]
BEGIN, END = "<!-- e2e: begin (scripts/bench/e2e.py) -->", "<!-- e2e: end -->"


def load_average():
    with open("/proc/loadavg") as f:
        return " / ".join(f.read().split()[:3])


def timed(command, env):
    """Wall seconds of `command` and its last stdout line."""
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env=env)
    seconds = time.perf_counter() - start
    if out.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{out.stderr.strip()[-2000:]}")
    lines = out.stdout.strip().splitlines()
    return seconds, lines[-1] if lines else "", out.stdout


def five_minute_file(data, folder, python):
    """Ten real excerpts in a row as a 44.1 kHz stereo PCM-16 WAV (what a user's file looks like)."""
    path = os.path.join(folder, "five-minutes.wav")
    files = sorted(glob.glob(os.path.join(data, "genres_original", "*", "*.flac")))[:10]
    script = ("import sys, numpy as np, soundfile as sf, soxr\n"
              "y = np.concatenate([sf.read(f, dtype='float32')[0] for f in sys.argv[2:]])[: 300 * 22050]\n"
              "y = soxr.resample(y, 22050, 44100, 'HQ')\n"
              "sf.write(sys.argv[1], np.stack([y, 0.8 * y], 1), 44100, subtype='PCM_16')\n")
    subprocess.run([python, "-c", script, path] + files, check=True)
    return path


def export_weights(python, folder):
    """The shipped classifier's safetensors as a torch state dict."""
    source = os.path.join(HERE, "..", "..", "Sources", "Experiments", "Resources", "default-genre-mlp.safetensors")
    target = os.path.join(folder, "default-genre-mlp.pt")
    script = ("import sys, torch\nfrom safetensors.torch import load_file\n"
              "torch.save(load_file(sys.argv[1]), sys.argv[2])\n")
    subprocess.run([python, "-c", script, source, target], check=True)
    return target


def classify_rows(args, env, folder):
    weights = export_weights(args.python, folder)
    files = [("one 30 s excerpt (FLAC, 22.05 kHz mono)", sorted(glob.glob(os.path.join(
                 args.data, "genres_original", "blues", "*.flac")))[0]),
             ("one 5-minute file (WAV, 44.1 kHz stereo)", five_minute_file(args.data, folder, args.python))]
    rows = []
    for what, path in files:
        ours, ref, ref_inside, loads = [], [], [], []
        for _ in range(args.rounds):
            loads.append(load_average())
            seconds, _, text = timed([os.path.join(args.build, "genrekit-classify"), path], env)
            ours.append(seconds)
            seconds, line, _ = timed([args.python, os.path.join(HERE, "ref_e2e.py"), "classify", "--weights", weights,
                                      path], env)
            ref.append(seconds)
            result = json.loads(line)
            ref_inside.append(result["seconds"])
        top = text.strip().splitlines()[-1].split(": ", 1)[-1].split(",")[0]
        probabilities = result["probabilities"]
        best = max(range(len(probabilities)), key=probabilities.__getitem__)
        rows.append((f"`genrekit-classify`: {what}", statistics.median(ours), statistics.median(ref),
                     f"librosa + PyTorch process; its pipeline after imports {statistics.median(ref_inside):.2f} s "
                     f"({statistics.median(ours) and statistics.median(ref_inside) / statistics.median(ours):.1f}×). "
                     f"top genre: ours {top}, Python {GENRES[best]} {100 * probabilities[best]:.1f} %", loads[0]))
    return rows


def features_rows(args, env, folder):
    audio = os.path.join(args.data, "genres_original")
    tracks = len(glob.glob(os.path.join(audio, "*", "*.flac")))
    load = load_average()
    ours, _, _ = timed([os.path.join(args.build, "gtzan-features"), audio, "--out", os.path.join(folder, "ours.csv"),
                        "--jobs", str(args.threads)], env)
    _, line, _ = timed([args.python, os.path.join(HERE, "ref_e2e.py"), "features", "--jobs", str(args.threads),
                        "--out", os.path.join(folder, "ref.csv"), audio], env)
    ref = json.loads(line)["seconds"]
    return [(f"`gtzan-features` over the {tracks} real excerpts", ours, ref,
             f"{tracks / ours:.1f} tracks/s ours (whole process) against {tracks / ref:.2f} tracks/s for librosa with "
             f"joblib, {args.threads} processes (after imports)", load)]


def run_task(command, task, repeat, env):
    out = subprocess.run(command + ["--task", task, "--repeat", str(repeat), "--json"], capture_output=True, text=True,
                         env=env)
    if out.returncode != 0:
        raise RuntimeError(f"{task} failed:\n{out.stderr.strip()[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])["seconds"]


def cnn_rows(args, env, folder):
    ours_cmd = [os.path.join(args.build, "genrekit-bench")]
    ref_cmd = [args.python, os.path.join(HERE, "reference.py")]
    steps = (999 + 31) // 32
    results = {}
    load = load_average()
    for side, command in (("ours", ours_cmd), ("ref", ref_cmd)):
        step = statistics.median(run_task(command, "e2e/cnn_dynamic_step_images", 5, env))
        epoch = statistics.median(run_task(command, "e2e/cnn_dynamic_epoch_images", max(1, args.rounds - 1), env))
        results[side] = (epoch, step)
    (oe, os_), (re_, rs) = results["ours"], results["ref"]
    return [("one cnn-dynamic epoch over the 999 real images (batch 32)", oe, re_,
             f"steps × step time: ours {steps} × {os_ * 1e3:.0f} ms = {steps * os_:.2f} s (epoch / that = "
             f"{oe / (steps * os_):.2f}); PyTorch {steps} × {rs * 1e3:.0f} ms = {steps * rs:.2f} s "
             f"({re_ / (steps * rs):.2f}); DataLoader with PIL, 1 worker", load)]


def write(rows, args, out):
    lines = [BEGIN, "## End-to-end (`make bench-e2e`)", "",
             f"Measured {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC, {args.threads} threads / processes on both sides, "
             f"{args.rounds} interleaved rounds where noted (medians). Ratio = Python time / GenreKit time.", "",
             "| what | GenreKit | Python | ratio | notes | load before |", "| --- | ---: | ---: | ---: | --- | --- |"]
    for what, ours, ref, notes, load in rows:
        lines.append(f"| {what} | {ours:.2f} s | {ref:.2f} s | {ref / ours:.2f}× | {notes} | {load} |")
    lines += ["", END]
    block = "\n".join(lines)
    text = open(out).read() if os.path.exists(out) else ""
    if BEGIN in text and END in text:
        text = text[:text.index(BEGIN)] + block + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + block + "\n"
    with open(out, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", default=".build/release")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--data", default="../shared/gtzan-real")
    parser.add_argument("--threads", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="classify,features,cnn")
    parser.add_argument("--out", default="BENCHMARKS.md")
    args = parser.parse_args()
    if not os.path.isdir(os.path.join(args.data, "genres_original")):
        sys.exit(f"e2e.py: no real GTZAN at {args.data} (--data)")
    env = dict(os.environ, GENREKIT_THREADS=str(args.threads), OMP_NUM_THREADS=str(args.threads),
               OPENBLAS_NUM_THREADS=str(args.threads), BENCH_THREADS=str(args.threads),
               GENREKIT_SHARED_REAL=os.path.abspath(args.data))
    parts = {"classify": classify_rows, "features": features_rows, "cnn": cnn_rows}
    rows = []
    with tempfile.TemporaryDirectory(prefix="genrekit-e2e-") as folder:
        for name in args.only.split(","):
            for row in parts[name](args, env, folder):
                print(f"{row[0]}: ours {row[1]:.2f} s, Python {row[2]:.2f} s, ratio {row[2] / row[1]:.2f}×  ({row[3]}; "
                      f"load {row[4]})", flush=True)
                rows.append(row)
    load = load_average()
    rows = [(w, o, r, n + ("" if i < len(rows) - 1 else f"; load after the run {load}"), l)
            for i, (w, o, r, n, l) in enumerate(rows)]
    write(rows, args, args.out)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
