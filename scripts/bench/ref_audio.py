"""Reference side of the AudioIO benchmarks (see reference.py): librosa 0.11 on the same file."""
import os
from bench_cache import cache_path

import librosa
import numpy as np
import soundfile as sf


def benchmark_wav(seconds, rate):
    """The stereo 16-bit WAV of AudioIOBenchmarks.swift: two sines plus a chirp per channel."""
    path = cache_path(f"ref-{seconds}s-{rate}.wav")
    if not os.path.exists(path):
        t = np.arange(seconds * rate) / rate
        left = 0.5 * np.sin(2 * np.pi * 440 * t) + 0.2 * np.sin(2 * np.pi * (100 + 300 * t) * t)
        right = 0.5 * np.sin(2 * np.pi * 660 * t) + 0.2 * np.sin(2 * np.pi * (150 + 200 * t) * t)
        sf.write(path, np.stack([left, right], axis=1), rate, subtype="PCM_16")
    return path


def decode_resample_30s():
    path = benchmark_wav(30, 44100)
    return lambda: librosa.load(path, sr=22050, mono=True)


def resample_30s():
    y, _ = librosa.load(benchmark_wav(30, 44100), sr=None, mono=True)
    return lambda: librosa.resample(y, orig_sr=44100, target_sr=22050)


TASKS = {
    "audio/decode_resample_30s": (
        "decode a 30 s 44.1 kHz stereo 16-bit WAV, mix to mono, resample to 22.05 kHz (soxr_hq)",
        decode_resample_30s,
    ),
    "audio/resample_30s": (
        "resample 30 s of mono float audio from 44.1 kHz to 22.05 kHz in memory (soxr_hq)",
        resample_30s,
    ),
}
