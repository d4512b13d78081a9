extension STFT {
    /// librosa's `istft` with these settings: overlap-add of windowed inverse FFTs, divided by the
    /// window's sum of squares. `stftMatrix` must have `binCount` rows. With `length`, the output
    /// is cut or zero-padded to exactly that many samples.
    public func inverse(_ stftMatrix: ComplexMatrix, length: Int? = nil) throws -> [Float] {
        try validate()
        guard stftMatrix.rows == binCount else {
            throw DSPError.shapeMismatch("istft input has \(stftMatrix.rows) rows, n_fft=\(nFFT) needs \(binCount)")
        }
        if let length { try Validate.positive(length, "length") }
        let frames = stftMatrix.columns
        let span = nFFT + hopLength * max(frames - 1, 0)
        var signal = [Float](repeating: 0, count: span)
        overlapAdd(stftMatrix, into: &signal)
        normalize(&signal, frames: frames)
        let start = center ? nFFT / 2 : 0
        let count = length ?? max(span - 2 * start, 0)
        return (0..<count).map { start + $0 < span ? signal[start + $0] : 0 }
    }

    /// Adds `window · irfft(column)` of every column at its hop offset.
    private func overlapAdd(_ stftMatrix: ComplexMatrix, into signal: inout [Float]) {
        let bins = binCount, frames = stftMatrix.columns, batch = FrameTransformer.blockSize
        let block = FFTBlock(size: nFFT, batch: batch)
        let window = paddedWindow
        let scale = 1 / Float(nFFT)
        for first in stride(from: 0, to: frames, by: batch) {
            let count = min(batch, frames - first)
            let spectra = block.interleaved, stride = block.spectrumStride
            spectra.update(repeating: 0, count: 2 * stride * batch)
            for k in 0..<bins {
                for j in 0..<count {
                    spectra[2 * (j * stride + k)] = stftMatrix.real[k * frames + first + j]
                    spectra[2 * (j * stride + k) + 1] = stftMatrix.imaginary[k * frames + first + j]
                }
            }
            for j in 0..<count {
                spectra[2 * j * stride + 1] = 0
                if nFFT % 2 == 0 { spectra[2 * (j * stride + bins - 1) + 1] = 0 }
            }
            block.inverse()
            for j in 0..<count {
                let offset = (first + j) * hopLength
                let frame = block.real + j * nFFT
                for i in 0..<nFFT { signal[offset + i] += frame[i] * window[i] * scale }
            }
        }
    }

    /// Divides by the summed squared window wherever it is above the smallest normal float.
    private func normalize(_ signal: inout [Float], frames: Int) {
        let window = paddedWindow
        var sumSquare = [Float](repeating: 0, count: signal.count)
        for t in 0..<frames {
            for i in 0..<nFFT { sumSquare[t * hopLength + i] += window[i] * window[i] }
        }
        for i in signal.indices where sumSquare[i] > Float.leastNormalMagnitude {
            signal[i] /= sumSquare[i]
        }
    }
}

/// librosa's `istft`: the signal whose STFT is `stftMatrix` (`nFFT` = 2 · (rows − 1)).
public func istft(_ stftMatrix: ComplexMatrix, hopLength: Int? = nil, winLength: Int? = nil,
                  window: Window = .hann, center: Bool = true, length: Int? = nil) throws -> [Float] {
    let nFFT = 2 * (stftMatrix.rows - 1)
    return try STFT(nFFT: nFFT, hopLength: hopLength, winLength: winLength, window: window, center: center)
        .inverse(stftMatrix, length: length)
}
