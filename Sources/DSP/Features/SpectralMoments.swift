import Foundation

/// Per-frame sums over frequency shared by the centroid and bandwidth, in `Double` like librosa.
struct SpectralMoments {
    let spectrogram: Matrix
    let frequencies: [Double]
    /// Each frame's L1 norm, or 1 where it is below the smallest normal float (librosa's `normalize`).
    let norms: [Double]
    let centroids: [Double]

    init(_ S: Matrix, sampleRate: Float) {
        spectrogram = S
        let frequencies = fftFrequencies(sampleRate: sampleRate, nFFT: 2 * (S.rows - 1))
        self.frequencies = frequencies
        var totals = [Double](repeating: 0, count: S.columns)
        var weighted = totals
        totals.withUnsafeMutableBufferPointer { totals in
            weighted.withUnsafeMutableBufferPointer { weighted in
                S.forEachRow { k, row in
                    let frequency = frequencies[k]
                    for t in 0..<row.count {
                        let value = Double(row[t])
                        totals[t] += value
                        weighted[t] += frequency * value
                    }
                }
            }
        }
        norms = totals.map { $0 < Double(Float.leastNormalMagnitude) ? 1 : $0 }
        centroids = zip(weighted, norms).map { $0 / $1 }
    }

    /// `(Σ S/‖S‖₁ · |f − centroid|^p)^(1/p)` for each frame; with `normalize: false`, raw `S`.
    func bandwidths(p: Double, normalize: Bool) -> [Double] {
        var sums = [Double](repeating: 0, count: spectrogram.columns)
        centroids.withUnsafeBufferPointer { centroids in
            sums.withUnsafeMutableBufferPointer { sums in
                spectrogram.forEachRow { k, row in
                    let frequency = frequencies[k]
                    for t in 0..<row.count {
                        let deviation = abs(frequency - centroids[t])
                        let power = p == 2 ? deviation * deviation : Foundation.pow(deviation, p)
                        sums[t] += Double(row[t]) * power
                    }
                }
            }
        }
        return sums.enumerated().map { t, sum in Foundation.pow(normalize ? sum / norms[t] : sum, 1 / p) }
    }
}
