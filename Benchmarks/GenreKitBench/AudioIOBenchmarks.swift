import AudioIO
import Foundation

/// Benchmarks of the AudioIO library. Names must match the tasks of `scripts/bench/reference.py`.
let audioIOBenchmarks: [Benchmark] = [
    Benchmark(
        name: "audio/decode_resample_30s",
        summary: "decode a 30 s 44.1 kHz stereo 16-bit WAV, mix to mono, resample to 22.05 kHz (soxr_hq)",
        prepare: {
            let url = try benchmarkWAV(seconds: 30, sampleRate: 44100)
            return { _ = try AudioFile.read(url, sampleRate: 22050, mono: true) }
        }),
    Benchmark(
        name: "audio/resample_30s",
        summary: "resample 30 s of mono float audio from 44.1 kHz to 22.05 kHz in memory (soxr_hq)",
        prepare: {
            let mono = try AudioFile.read(try benchmarkWAV(seconds: 30, sampleRate: 44100), sampleRate: nil).samples
            return { _ = try AudioFile.resample(mono, from: 44100, to: 22050) }
        }),
]

/// Writes (once) a stereo 16-bit WAV of two sines plus a chirp, the same signal as `ref_audio.py`.
func benchmarkWAV(seconds: Int, sampleRate: Int) throws -> URL {
    let url = benchmarkCache.appendingPathComponent("\(seconds)s-\(sampleRate).wav")
    if FileManager.default.fileExists(atPath: url.path) { return url }
    try FileManager.default.createDirectory(at: benchmarkCache, withIntermediateDirectories: true)
    let samples = (0..<(seconds * sampleRate)).flatMap { i -> [Float] in
        let t = Double(i) / Double(sampleRate)
        return [Float(0.5 * sin(2 * .pi * 440 * t) + 0.2 * sin(2 * .pi * (100 + 300 * t) * t)),
                Float(0.5 * sin(2 * .pi * 660 * t) + 0.2 * sin(2 * .pi * (150 + 200 * t) * t))]
    }
    try AudioFile.write(url, samples: samples, sampleRate: Double(sampleRate), channels: 2)
    return url
}
