#!/usr/bin/env python3
"""Peak memory of `genrekit-classify`, `resnet-mfcc classify` and `gtzan-features` on a 10-minute 48 kHz stereo file.

Writes the file (WAV PCM-16, and the same music as MP3 through libsndfile) into a fresh temporary folder,
runs each command under `/usr/bin/time -v`, prints a Markdown table of wall time and peak RSS, and removes
the folder. Run from the repository root after `swift build -c release`:

    ~/.cache/genrekit/venv/bin/python scripts/bench/long_file_memory.py [--minutes 10]
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile

import numpy as np
import soundfile as sf

RATE = 48000


def music(seconds, seed=0):
    """A chord with a kick on every beat and noise hi-hats, 2 channels, changing every 20 s."""
    rng = np.random.default_rng(seed)
    n = int(seconds * RATE)
    t = np.arange(n) / RATE
    y = np.zeros((n, 2), dtype=np.float32)
    for start in range(0, n, 20 * RATE):
        stop = min(n, start + 20 * RATE)
        root = 110 * 2 ** (rng.integers(0, 12) / 12)
        part = sum(0.1 * np.sin(2 * np.pi * root * ratio * t[start:stop]) for ratio in (1, 1.26, 1.5))
        y[start:stop, 0] = part
        y[start:stop, 1] = 0.8 * part
    beat = int(RATE * 60 / 118)
    decay = np.arange(int(0.2 * RATE)) / RATE
    kick = (0.6 * np.sin(2 * np.pi * 55 * decay) * np.exp(-decay * 25)).astype(np.float32)
    for onset in range(0, n - len(decay), beat):
        y[onset:onset + len(decay)] += kick[:, None]
        hat = onset + beat // 2
        if hat + len(decay) < n:
            y[hat:hat + len(decay)] += (0.15 * rng.standard_normal(len(decay)) * np.exp(-decay * 80))[:, None].astype(np.float32)
    return np.clip(y, -1, 1)


def measure(command):
    result = subprocess.run(["/usr/bin/time", "-v"] + command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}")
    peak = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    wall = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", result.stderr).group(1)
    last = [line for line in result.stdout.splitlines() if line.strip()][-1]
    return peak / 1024, wall, last


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--build", default=".build/release")
    arguments = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="genrekit-long-")
    try:
        y = music(arguments.minutes * 60)
        wav, mp3 = os.path.join(folder, "long.wav"), os.path.join(folder, "long.mp3")
        sf.write(wav, y, RATE, subtype="PCM_16")
        sf.write(mp3, y, RATE, format="MP3", subtype="MPEG_LAYER_III")
        del y
        build = arguments.build
        # Any weights of the right shapes will do for resnet-mfcc: what is measured is the input pipeline.
        run = os.path.join(folder, "run")
        subprocess.run([f"{build}/resnet-mfcc", "--epochs", "1", "--max-batches", "1", "--synthetic-tracks", "8",
                        "--synthetic-seconds", "6", "--cache", os.path.join(folder, "cache"), "--out", run,
                        "--no-progress"], check=True, capture_output=True)
        print(f"| command on a {arguments.minutes:g}-minute 48 kHz stereo file | wall time | peak RSS | last line of output |")
        print("| --- | ---: | ---: | --- |")
        for name in (wav, mp3):
            kind = os.path.splitext(name)[1][1:].upper()
            runs = [
                (f"genrekit-classify long.{kind.lower()}", [f"{build}/genrekit-classify", name]),
                (f"resnet-mfcc classify long.{kind.lower()} (1-batch weights)",
                 [f"{build}/resnet-mfcc", "classify", name, "--checkpoint", os.path.join(run, "last.safetensors")]),
                (f"gtzan-features long.{kind.lower()} --segment 3",
                 [f"{build}/gtzan-features", name, "--segment", "3", "--out", os.path.join(folder, "segments.csv")]),
                (f"gtzan-features long.{kind.lower()} (one row for the whole file)",
                 [f"{build}/gtzan-features", name, "--out", os.path.join(folder, "whole.csv")]),
            ]
            for label, command in runs:
                peak, wall, last = measure(command)
                print(f"| `{label}` | {wall} | {peak:.0f} MiB | {last[:100]} |", flush=True)
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
