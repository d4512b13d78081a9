#!/usr/bin/env python3
"""`make results`: every example on real GTZAN under the artist and track protocols, plus the PyTorch
references, written up as RESULTS.md with the report figures copied to docs/results/.

Runs the release binaries in .build/release on `--data` (default ../shared/gtzan-real), one report folder per
(example, protocol, seed) under reports/results/, skipping runs whose metrics.json already exists (delete the
folder, or pass --fresh, to rerun). Then, unless --no-reference, runs scripts/reference/*.py in the venv on the
split.csv that our run of the same seed wrote, and finally renders RESULTS.md from every metrics.json found.
Standard library only; the references need the venv of `make bench-compare`.

    python3 scripts/results/results.py                       # everything (hours on 2 cores)
    python3 scripts/results/results.py --only resnet-mfcc    # one row of the table
    python3 scripts/results/results.py --render-only         # rewrite RESULTS.md from existing reports
"""
import argparse
import json
import math
import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Recipe:
    """One row of the table: an example, its arguments, which protocols and seeds, and why it was cut."""
    name: str
    example: str
    args: list
    data: str  # what the example trains on, for the table
    protocols: tuple = ("artist", "track")
    seeds: tuple = (0,)
    cut: str = ""  # where the published recipe was shortened, and why
    reference: str = ""  # scripts/reference/<reference>.py, run on the artist split of every seed
    reference_args: list = field(default_factory=list)


RECIPES = [  # in the order `make results` runs them: cheapest and most asked-for first
    Recipe("resnet-mfcc", "resnet-mfcc", [], "168 excerpts with audio (4 genres), 10 MFCC slices each",
           seeds=(0, 1, 2), reference="resnet_mfcc"),
    Recipe("mlp-features-keras", "mlp-features", ["--variant", "keras"], "Kaggle's 57-feature table, 1,000 rows"),
    Recipe("mlp-features-torch", "mlp-features", ["--variant", "torch"], "Kaggle's 57-feature table, 1,000 rows"),
    Recipe("mfcc-cnn", "mfcc-cnn", [], "168 excerpts with audio (4 genres), 10 MFCC slices each"),
    Recipe("cnn-dynamic", "cnn-dynamic", [], "all 999 images (10 genres)"),
    Recipe("cnn-dynamic-short", "cnn-dynamic", ["--epochs", "10"], "all 999 images (10 genres)",
           protocols=("artist",), seeds=(0, 1, 2), reference="cnn_dynamic", reference_args=["--epochs", "10"],
           cut="10 of the notebook's 50 epochs, for the 3-seed comparison with PyTorch: one PyTorch epoch takes "
               "25-60 s here, so 3 seeds x 50 epochs would take 1-2.5 hours"),
    Recipe("mobilenet-transfer", "mobilenet-transfer", [], "all 999 images (10 genres)",
           cut="random frozen backbone: ImageNet weights cannot be downloaded on this machine (no torchvision hub)"),
    Recipe("image-cnn", "image-cnn", ["--epochs", "10"], "all 999 images (10 genres)",
           cut="10 of the notebook's 30 epochs: an epoch of 800 images at 256 x 256 takes ~25 s on 2 shared cores"),
    Recipe("se-cnn", "se-cnn", ["--folds", "1", "--epochs", "5"], "168 excerpts with audio (4 genres), 19 segments each",
           cut="fold 1 of 5 and 5 of up to 50 epochs: one epoch of ~2,500 segments takes ~2 min on 2 cores, the full "
               "5-fold recipe ~8 hours"),
    Recipe("segment-cnn", "segment-cnn", [], "excerpts with audio of segment-cnn's 8 genres present (classical, country, metal)"),
    Recipe("kernel-sweep", "kernel-sweep", ["--kernels", "3", "--recipes", "1"], "168 excerpts with audio (4 genres)",
           cut="kernel 3 under recipe 1 only (of 3 kernels x 4 recipes)"),
]


NOTES_MARKER = "<!-- notes: written by hand, kept when results.py rewrites this file -->"


def run(command, log, env=None):
    print("$ " + " ".join(map(str, command)), flush=True)
    started = time.time()
    with open(log, "w") as handle:
        result = subprocess.run(list(map(str, command)), stdout=handle, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    print(f"  exit {result.returncode} after {time.time() - started:.0f} s (log: {log})", flush=True)
    return result.returncode == 0


def folder(out, recipe, protocol, seed):
    return out / f"{recipe.name}-{protocol}-seed{seed}"


def train_all(args, recipes):
    binaries = ROOT / ".build" / "release"
    for recipe in recipes:
        for protocol in recipe.protocols:
            for seed in recipe.seeds:
                target = folder(args.out, recipe, protocol, seed)
                if any(target.rglob("metrics.json")) and not args.fresh:
                    continue
                shutil.rmtree(target, ignore_errors=True)
                target.parent.mkdir(parents=True, exist_ok=True)
                command = [binaries / recipe.example, "train", "--data", args.data, "--protocol", protocol,
                           "--seed", seed, "--out", target, "--no-progress", *recipe.args]
                run(command, args.out / f"{target.name}.log")


def references(args, recipes):
    python = Path(args.venv) / "bin" / "python"
    if not python.exists():
        print(f"no venv at {args.venv}: skipping the PyTorch references (make bench-compare creates it)")
        return
    for recipe in recipes:
        if not recipe.reference:
            continue
        for seed in recipe.seeds:
            ours = folder(args.out, recipe, "artist", seed)
            split = ours / "split.csv"
            result = args.out / "reference" / f"{recipe.name}-artist-seed{seed}.json"
            if result.exists() and not args.fresh:
                continue
            if not split.exists():
                print(f"no {split}: run ours first")
                continue
            run([python, ROOT / "scripts" / "reference" / f"{recipe.reference}.py", "--data", args.data, "--split", split,
                 "--seed", seed, "--out", result, *recipe.reference_args], args.out / "reference" / f"{result.stem}.log")


def load_metrics(path):
    with open(path) as handle:
        return json.load(handle)


def percent(value):
    return "—" if value is None or (isinstance(value, float) and math.isnan(value)) else f"{100 * value:.1f} %"


def mean_sd(values):
    values = [v for v in values if v is not None]
    if not values:
        return "—"
    if len(values) == 1:
        return percent(values[0])
    return f"{100 * statistics.mean(values):.1f} ± {100 * statistics.stdev(values):.1f} %"


def copy_figures(run_folder, name):
    target = ROOT / "docs" / "results" / name
    target.mkdir(parents=True, exist_ok=True)
    links = []
    for figure in ("curves.svg", "confusion.svg", "confusion-files.svg"):
        source = run_folder / figure
        if source.exists():
            shutil.copyfile(source, target / figure)
            links.append(f"[{figure.removesuffix('.svg')}](docs/results/{name}/{figure})")
    return links


def render(args, recipes):
    lines = ["# Results on real GTZAN", "",
             f"Made by `make results` (`scripts/results/results.py`) on `{args.data}` (read its README): all 999 Kaggle "
             "spectrogram images of 10 genres, 168 real excerpts of four genres (blues, classical, country, metal, chosen "
             "artist by artist), Kaggle's 57-feature table of all 1,000 excerpts, and the artist-filtered 3-fold split "
             "with an artist id for every excerpt. Release build, 2 cores, seed 0 unless stated.", "",
             "Protocols: **artist** — no artist on both sides of any split (the default wherever artist ids are known); "
             "**track** — no track on both sides, but an artist's neighbouring excerpts may be (GTZAN is ordered by artist, "
             "so this overstates accuracy on music by new artists). Both keep every replica (exact duplicate) on one side.",
             "", "The published models' own accuracies (README, \"The published models\") are not in the kit, so no row "
             "compares with them; `—` marks what a run does not measure.", "",
             "| example | data | protocol | epochs | test (segments) | test (files) | per-genre recall (test) | wall time | figures |",
             "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | --- |"]
    notes = []
    for recipe in recipes:
        for protocol in recipe.protocols:
            runs = []
            for seed in recipe.seeds:
                base = folder(args.out, recipe, protocol, seed)
                runs += [(path.parent, load_metrics(path)) for path in sorted(base.rglob("metrics.json"))]
            if not runs:
                lines.append(f"| `{recipe.name}` | {recipe.data} | {protocol} | — | not run | | | | |")
                continue
            metrics = [m for _, m in runs]
            recall_names = sorted(metrics[0]["per_class_recall"])
            recall = ", ".join(f"{g} {mean_sd([m['per_class_recall'].get(g) for m in metrics])}" for g in recall_names)
            seconds = sum(m["training_seconds"] for m in metrics) / len(metrics)
            figures = copy_figures(runs[0][0], f"{recipe.name}-{protocol}")
            label = f"`{recipe.name}`" + (f" ({len(metrics)} runs)" if len(metrics) > 1 else "")
            lines.append(f"| {label} | {recipe.data} | {metrics[0]['evaluation_protocol']} | "
                         f"{round(statistics.mean(m['epochs'] for m in metrics))} | "
                         f"{mean_sd([m['test_accuracy'] for m in metrics])} | "
                         f"{mean_sd([m.get('test_file_accuracy') for m in metrics])} | {recall} | {seconds:.0f} s | "
                         f"{' '.join(figures)} |")
        if recipe.cut:
            notes.append(f"- `{recipe.name}`: {recipe.cut}.")
    lines += ["", "## Where the recipes were cut", ""] + (notes or ["- nowhere."])
    lines += reference_section(args, recipes)
    target = ROOT / "RESULTS.md"
    old = target.read_text() if target.exists() else ""
    notes = old[old.index(NOTES_MARKER):] if NOTES_MARKER in old else NOTES_MARKER + "\n"
    target.write_text("\n".join(lines) + "\n\n" + notes)
    print(f"wrote {ROOT / 'RESULTS.md'}")


def reference_section(args, recipes):
    lines = ["", "## GenreKit against PyTorch on the same split", "",
             "The same architecture, initialisation scheme, recipe and evaluation in PyTorch 2.11 "
             "(`scripts/reference/`), trained on the `split.csv` that our run of the same seed wrote (artist protocol). "
             "Mean ± sample standard deviation over seeds.", "",
             "| model | epochs | seeds | GenreKit test (segments) | PyTorch test (segments) | GenreKit test (files) | "
             "PyTorch test (files) | GenreKit time / run | PyTorch time / run |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for recipe in recipes:
        if not recipe.reference:
            continue
        ours = [load_metrics(p) for s in recipe.seeds for p in folder(args.out, recipe, "artist", s).glob("metrics.json")]
        theirs = [load_metrics(p) for s in recipe.seeds
                  for p in [args.out / "reference" / f"{recipe.name}-artist-seed{s}.json"] if p.exists()]
        if not ours or not theirs:
            lines.append(f"| `{recipe.name}` | | | not run | | | | | |")
            continue
        time_of = lambda runs, key: f"{statistics.mean(r[key] for r in runs):.0f} s"
        lines.append(f"| `{recipe.name}` | {ours[0]['epochs']} | {len(ours)} / {len(theirs)} | "
                     f"{mean_sd([m['test_accuracy'] for m in ours])} | {mean_sd([m['accuracy'] for m in theirs])} | "
                     f"{mean_sd([m.get('test_file_accuracy') for m in ours])} | "
                     f"{mean_sd([m['file_accuracy'] for m in theirs])} | {time_of(ours, 'training_seconds')} | "
                     f"{time_of(theirs, 'training_seconds')} |")
    return lines


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "gtzan-real"))
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "results")
    parser.add_argument("--venv", default=os.path.expanduser("~/.cache/genrekit/venv"))
    parser.add_argument("--only", help="comma-separated recipe names")
    parser.add_argument("--fresh", action="store_true", help="rerun runs whose reports exist")
    parser.add_argument("--no-reference", action="store_true")
    parser.add_argument("--render-only", action="store_true")
    args = parser.parse_args()
    if not Path(args.data).is_dir():
        sys.exit(f"no data folder {args.data}: pass --data <GTZAN root>")
    args.out = args.out.resolve()
    recipes = [r for r in RECIPES if not args.only or r.name in args.only.split(",")]
    if not args.render_only:
        train_all(args, recipes)
        if not args.no_reference:
            references(args, recipes)
    render(args, RECIPES)


if __name__ == "__main__":
    main()
