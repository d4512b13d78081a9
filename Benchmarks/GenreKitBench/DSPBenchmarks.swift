import AudioIO
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
    Benchmark(name: "dsp/gtzan_vector_30s", summary: "57-column GTZAN feature vector of a 30 s track, 1 thread, vs librosa") {
        let y = try benchmarkTrack()
        return { _ = try GTZANFeatures(concurrent: false)(y) }
    },
    Benchmark(name: "dsp/gtzan_vector_30s_concurrent", summary: "57-column GTZAN feature vector of a 30 s track, all cores, vs librosa") {
        let y = try benchmarkTrack()
        return { _ = try GTZANFeatures()(y) }
    },
    Benchmark(name: "dsp/hpss_30s", summary: "harmonic and percussive signals (effects.hpss) of a 30 s track, vs librosa") {
        let y = try benchmarkTrack()
        return { _ = try hpss(y) }
    },
    Benchmark(name: "dsp/tempo_30s", summary: "default tempo (onset strength, tempogram, prior) of a 30 s track, vs librosa") {
        let y = try benchmarkTrack()
        return { _ = try tempo(y) }
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

/// A real 30 s track for the feature-vector benchmarks: `blues.00000.au` of the shared GTZAN kit
/// (beside the checkout or at `GENREKIT_SHARED_KIT`), else `benchmarkSignal(seconds: 30)`.
/// `benchmark_track` in `scripts/bench/ref_dsp.py` makes the same choice.
func benchmarkTrack() throws -> [Float] {
    let kit = ProcessInfo.processInfo.environment["GENREKIT_SHARED_KIT"] ?? "../shared/gtzan-mini"
    let url = URL(fileURLWithPath: kit).appendingPathComponent("genres/blues/blues.00000.au")
    guard FileManager.default.fileExists(atPath: url.path) else { return benchmarkSignal(seconds: 30) }
    return try AudioFile.read(url).samples
}
