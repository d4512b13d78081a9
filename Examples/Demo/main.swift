// genrekit-demo [audio file]: a placeholder main job until the real demo lands.
// Without an argument it synthesises 3 s of a tone mix, writes it to a temporary 44.1 kHz WAV and
// decodes it back at 22050 Hz mono (librosa.load's defaults); with one, it decodes that file.
import AudioIO
import Foundation

/// 3 s at 44.1 kHz of an A-minor triad with a slow tremolo, peak below 0.8.
func toneMix(sampleRate: Double = 44100, seconds: Double = 3) -> [Float] {
    let tones: [(frequency: Double, amplitude: Double)] = [(220, 0.35), (261.63, 0.2), (329.63, 0.2)]
    return (0..<Int(sampleRate * seconds)).map { i in
        let t = Double(i) / sampleRate
        let chord = tones.reduce(0) { $0 + $1.amplitude * sin(2 * .pi * $1.frequency * t) }
        return Float(chord * (0.8 + 0.2 * sin(2 * .pi * 2 * t)))
    }
}

func describe(_ url: URL) throws {
    let info = try AudioFile.info(url)
    let audio = try AudioFile.read(url)
    let rms = (audio.samples.reduce(0) { $0 + Double($1 * $1) } / Double(audio.samples.count)).squareRoot()
    let peak = audio.samples.reduce(0) { max($0, abs($1)) }
    print("file:     \(url.lastPathComponent) (\(info.format) \(info.subtype), \(info.frames) frames, "
          + "\(Int(info.sampleRate)) Hz, \(info.channels) ch, \(String(format: "%.3f", info.duration)) s)")
    print("decoded:  \(audio.frames) frames at \(Int(audio.sampleRate)) Hz, \(audio.channels) channel, "
          + String(format: "%.3f s, RMS %.4f, peak %.4f", audio.duration, rms, peak))
}

do {
    if CommandLine.arguments.count > 1 {
        try describe(URL(fileURLWithPath: CommandLine.arguments[1]))
    } else {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("genrekit-demo-\(getpid()).wav")
        try AudioFile.write(url, samples: toneMix(), sampleRate: 44100)
        defer { try? FileManager.default.removeItem(at: url) }
        try describe(url)
    }
} catch {
    FileHandle.standardError.write(Data("genrekit-demo: \(error)\n".utf8))
    exit(1)
}
