// Reading, streaming and writing audio with AudioIO (the README's AudioIO example).
// snippet.hide
import Foundation
let url = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "song.wav")
let out = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("copy.wav")
// snippet.show
import AudioIO
let audio = try AudioFile.read(url)                           // 22050 Hz mono, like librosa.load
let clip = try AudioFile.read(url, offset: 12, duration: 3)   // seeks; does not decode the whole file
let info = try AudioFile.info(url)                            // frames, rate, channels, format: header only
try AudioFile.blocks(url, sampleRate: 22050).forEach { block in /* ... */ }   // streamed, resampled on the way
try AudioFile.write(out, samples: audio.samples, sampleRate: audio.sampleRate, format: .pcm16)
// snippet.hide
print(clip.samples.count, info)
