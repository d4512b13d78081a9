import DSP
import Foundation

/// Benchmarks of the DSP library. Names must match the tasks of `scripts/bench/ref_dsp.py`.
let dspBenchmarks: [Benchmark] = [
    Benchmark(name: "dsp/stft_30s", summary: "complex STFT (n_fft 2048, hop 512) of 30 s at 22.05 kHz, vs librosa.stft") {
        let y = benchmarkSignal(seconds: 30)
        let transform = STFT()
        return { _ = try transform(y) }
    },
    Benchmark(name: "dsp/mel_30s",
              summary: "128-band mel spectrogram (n_fft 2048, hop 512, reflect, HTK) of 30 s, vs torchaudio MelSpectrogram") {
        let y = benchmarkSignal(seconds: 30)
        let transform = try MelSpectrogram(stft: STFT(padMode: .reflect), htk: true, norm: .none)
        return { _ = try transform(y) }
    },
    Benchmark(name: "dsp/mfcc_30s", summary: "20 MFCCs (librosa defaults) of 30 s, vs librosa.feature.mfcc") {
        let y = benchmarkSignal(seconds: 30)
        return { _ = try mfcc(y: y) }
    },
    Benchmark(name: "dsp/chroma_30s", summary: "chroma_stft with tuning estimation of 30 s, vs librosa.feature.chroma_stft") {
        let y = benchmarkSignal(seconds: 30)
        return { _ = try chromaSTFT(y: y) }
    },
]

/// A deterministic music-like test signal: two partials plus uniform noise, at 22.05 kHz
/// (the same recipe as `benchmark_signal` in `scripts/bench/ref_dsp.py`).
func benchmarkSignal(seconds: Double, sampleRate: Double = 22050) -> [Float] {
    var state: UInt64 = 0x2545F4914F6CDD1D
    return (0..<Int(seconds * sampleRate)).map { i in
        state = state &* 6364136223846793005 &+ 1442695040888963407
        let noise = Double(state >> 40) / Double(1 << 24) - 0.5
        let t = Double(i) / sampleRate
        return Float(0.3 * sin(2 * .pi * 220 * t) + 0.2 * sin(2 * .pi * 330.5 * t) + 0.1 * noise)
    }
}
