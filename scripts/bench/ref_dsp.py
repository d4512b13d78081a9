"""Python references for the DSP benchmarks (librosa 0.11.0, torchaudio 2.11.0 on CPU).

Task names match Benchmarks/GenreKitBench/DSPBenchmarks.swift. torch uses as many threads as
there are cores, like GenreKit's frame-parallel STFT.
"""
import os

import librosa
import numpy as np
import torch
import torchaudio

SR = 22050


def benchmark_signal(seconds, sr=SR):
    """Two partials plus uniform noise (same recipe as benchmarkSignal in DSPBenchmarks.swift)."""
    t = np.arange(int(seconds * sr)) / sr
    noise = np.random.default_rng(0).uniform(-0.5, 0.5, t.size)
    return (0.3 * np.sin(2 * np.pi * 220 * t) + 0.2 * np.sin(2 * np.pi * 330.5 * t) + 0.1 * noise).astype(np.float32)


def stft_30s():
    y = benchmark_signal(30)
    return lambda: librosa.stft(y)


def mel_30s():
    torch.set_num_threads(os.cpu_count())
    y = torch.from_numpy(benchmark_signal(30))
    transform = torchaudio.transforms.MelSpectrogram(sample_rate=SR, n_fft=2048, hop_length=512, n_mels=128)

    def run():
        with torch.inference_mode():
            transform(y)
    return run


def mfcc_30s():
    y = benchmark_signal(30)
    return lambda: librosa.feature.mfcc(y=y, sr=SR)


def chroma_30s():
    y = benchmark_signal(30)
    return lambda: librosa.feature.chroma_stft(y=y, sr=SR)


TASKS = {
    "dsp/stft_30s": ("complex STFT (n_fft 2048, hop 512) of 30 s, librosa.stft", stft_30s),
    "dsp/mel_30s": ("torchaudio MelSpectrogram(n_fft 2048, hop 512, 128 mels) of 30 s, CPU", mel_30s),
    "dsp/mfcc_30s": ("librosa.feature.mfcc of 30 s", mfcc_30s),
    "dsp/chroma_30s": ("librosa.feature.chroma_stft of 30 s", chroma_30s),
}


# --- HPSS, tempo and the GTZAN vector (dsp-features) ---------------------------------------

def benchmark_track():
    """blues.00000.au of the shared kit when present, else benchmark_signal(30) (as benchmarkTrack)."""
    kit = os.environ.get("GENREKIT_SHARED_KIT", "../shared/gtzan-mini")
    path = os.path.join(kit, "genres", "blues", "blues.00000.au")
    if os.path.exists(path):
        return librosa.load(path, sr=SR)[0]
    return benchmark_signal(30)


def gtzan_vector_30s():
    import sys
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))
    from dsp_features import gtzan_vector
    y = benchmark_track()
    return lambda: gtzan_vector(y)


def hpss_30s():
    y = benchmark_track()
    return lambda: librosa.effects.hpss(y)


def tempo_30s():
    y = benchmark_track()
    return lambda: librosa.feature.tempo(y=y, sr=SR)


TASKS.update({
    "dsp/gtzan_vector_30s": ("57-column GTZAN vector of a 30 s track with librosa (single-threaded)", gtzan_vector_30s),
    "dsp/gtzan_vector_30s_concurrent": ("the same librosa vector (librosa has no multi-core path)", gtzan_vector_30s),
    "dsp/hpss_30s": ("librosa.effects.hpss of a 30 s track", hpss_30s),
    "dsp/tempo_30s": ("librosa.feature.tempo of a 30 s track", tempo_30s),
})
