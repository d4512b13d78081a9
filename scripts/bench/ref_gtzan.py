"""Python reference tasks for the GTZAN suite (same names as Benchmarks/GenreKitBench/GTZANBenchmarks.swift).

torch 2.11.0, torchaudio 2.11.0, librosa 0.11.0, soundfile; torch.set_num_threads(1) except where stated.
The inputs are written by the tasks themselves (white noise at the same lengths and formats as the Swift side).
"""
import os
from bench_cache import cache_path

import librosa
import numpy as np
import soundfile as sf
import torch
import torchaudio

SR = 22050
ROOT = cache_path("gtzan-py", "")


def _wav(path, seconds=30, seed=0):
    if not os.path.exists(path):
        os.makedirs(os.path.dirname(path), exist_ok=True)
        rng = np.random.default_rng(seed)
        sf.write(path, (rng.uniform(-0.5, 0.5, int(seconds * SR))).astype(np.float32), SR, subtype="PCM_16")
    return path


def power_segments_19():
    torch.set_num_threads(1)
    path = _wav(os.path.join(ROOT, "one-track", "rock.00000.wav"))
    spectrogram = torchaudio.transforms.Spectrogram(n_fft=1024, hop_length=512, power=2.0)

    def run():
        out = []
        for i in range(19):
            y, _ = sf.read(path, start=i * 33075, frames=66150, dtype="float32")
            out.append(spectrogram(torch.from_numpy(y))[:512])
        return torch.stack(out)
    return run


def mfcc_segments_10():
    path = _wav(os.path.join(ROOT, "one-track", "rock.00000.wav"))

    def run():
        y, _ = librosa.load(path, sr=SR)
        return [librosa.feature.mfcc(y=y[i * 66150:(i + 1) * 66150], sr=SR, n_mfcc=13, n_fft=2048, hop_length=512).T
                for i in range(10)]
    return run


def features_csv_1000():
    genres = "blues classical country disco hiphop jazz metal pop reggae rock".split()
    path = os.path.join(ROOT, "features", "features_30_sec.csv")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write("filename,length," + ",".join(f"f{j}" for j in range(57)) + ",label\n")
        for genre in genres:
            for n in range(100):
                values = ",".join(str(np.float32(((n * 57 + j) % 997) * 0.123)) for j in range(57))
                f.write(f"{genre}.{n:05d}.wav,661794,{values},{genre}\n")

    def run():
        import csv
        with open(path) as f:
            rows = list(csv.reader(f))[1:]
        x = np.array([[float(v) for v in row[2:-1]] for row in rows], dtype=np.float32)
        mean, std = x[:800].mean(0), x[:800].std(0)
        std[std == 0] = 1
        return (x - mean) / std
    return run


def resize_432x288_to_256():
    torch.set_num_threads(1)
    image = (torch.arange(3 * 288 * 432) % 251).float().reshape(1, 3, 288, 432)
    return lambda: torch.nn.functional.interpolate(image, size=(256, 256), mode="bilinear", align_corners=False)


class _Segments(torch.utils.data.Dataset):
    def __init__(self, paths):
        self.items = [(p, i) for p in paths for i in range(19)]
        self.spectrogram = torchaudio.transforms.Spectrogram(n_fft=1024, hop_length=512, power=2.0)

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        path, i = self.items[index]
        y, _ = sf.read(path, start=i * 33075, frames=66150, dtype="float32")
        return self.spectrogram(torch.from_numpy(y))[:512].unsqueeze(0), 0


def stream_secnn_epoch():
    torch.set_num_threads(1)
    paths = [_wav(os.path.join(ROOT, "secnn", f"t{n:04d}.wav"), seed=n) for n in range(1000)]
    loader = torch.utils.data.DataLoader(_Segments(paths), batch_size=64, shuffle=True, num_workers=2,
                                         prefetch_factor=1, persistent_workers=False)

    def run():
        count = 0
        for inputs, _ in loader:
            count += inputs.shape[0]
        assert count == 19000
    return run


TASKS = {
    "gtzan/power_segments_19": ("19 × 3 s segments of a 30 s WAV (soundfile) → torchaudio Spectrogram[:512]", power_segments_19),
    "gtzan/mfcc_segments_10": ("librosa.load 30 s WAV, 10 × librosa.feature.mfcc(n_mfcc=13).T", mfcc_segments_10),
    "gtzan/features_csv_1000": ("csv + numpy: 1000 × 57 table, standardise on 800 rows", features_csv_1000),
    "gtzan/resize_432x288_to_256": ("torch interpolate bilinear 3 × 288 × 432 → 256 × 256", resize_432x288_to_256),
    "gtzan/stream_secnn_epoch": ("DataLoader(batch 64, shuffle, 2 workers) over 19,000 segment spectrograms", stream_secnn_epoch),
}
