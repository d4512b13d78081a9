// librosa's features with DSP (the README's DSP example).
// snippet.hide
let y = (0..<22050 * 3).map { Float(sin(Double($0) * 0.05)) }
import Foundation
// snippet.show
import DSP
let S = try stft(y)                                // ComplexMatrix: 1025 bins × frames
let power = try STFT().spectrogram(y)              // |S|², no complex matrix
let mel = try melSpectrogram(y: y)                 // 128 × frames, Slaney mel
let mfccs = try mfcc(y: y)                         // 20 × frames
let chroma = try chromaSTFT(y: y)                  // tuning estimated as librosa does
let row = try GTZANFeatures()(y)                   // the 57 columns of features_30_sec.csv
// snippet.hide
print(S, power, mel, mfccs, chroma, row)
