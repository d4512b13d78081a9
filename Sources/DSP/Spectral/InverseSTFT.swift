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

    /// Adds `window · irfft(column)` of every column at its hop offset. Frames are cut into chunks
    /// long enough that chunk `c` never overlaps chunk `c + 2`; even chunks run in parallel, then odd.
    private func overlapAdd(_ stftMatrix: ComplexMatrix, into signal: inout [Float]) {
        let frames = stftMatrix.columns, batch = FrameTransformer.blockSize
        let chunkFrames = max(4 * batch, (nFFT + hopLength - 1) / hopLength)
        let chunks = (frames + chunkFrames - 1) / chunkFrames
        let window = paddedWindow
        signal.withUnsafeMutableBufferPointer { signal in
            let output = signal.baseAddress!
            for parity in 0..<2 {
                let mine = stride(from: parity, to: chunks, by: 2).map { $0 }
                Parallel.forEach(mine.count, when: mine.count > 1) { index in
                    FFTBlockPool.shared.withBlock(size: nFFT, batch: batch) { block in
                        let first = mine[index] * chunkFrames
                        for blockStart in stride(from: first, to: min(first + chunkFrames, frames), by: batch) {
                            let count = min(batch, frames - blockStart)
                            inverseBlock(stftMatrix, frames: blockStart..<blockStart + count, block: block,
                                         window: window, into: output)
                        }
                    }
                }
            }
        }
    }

    /// Inverse-transforms `frames` through `block` and overlap-adds them, windowed, into `output`.
    private func inverseBlock(_ stftMatrix: ComplexMatrix, frames: Range<Int>, block: FFTBlock,
                              window: [Float], into output: UnsafeMutablePointer<Float>) {
        let bins = binCount, columns = stftMatrix.columns, stride = block.spectrumStride
        let spectra = block.interleaved, first = frames.lowerBound, count = frames.count
        spectra.update(repeating: 0, count: 2 * stride * block.batch)
        stftMatrix.real.withUnsafeBufferPointer { real in
            stftMatrix.imaginary.withUnsafeBufferPointer { imaginary in
                for k in 0..<bins {
                    let re = real.baseAddress! + k * columns + first, im = imaginary.baseAddress! + k * columns + first
                    for j in 0..<count {
                        spectra[2 * (j * stride + k)] = re[j]
                        spectra[2 * (j * stride + k) + 1] = im[j]
                    }
                }
            }
        }
        // irfft ignores the imaginary parts of the DC and Nyquist bins.
        for j in 0..<count {
            spectra[2 * j * stride + 1] = 0
            if nFFT % 2 == 0 { spectra[2 * (j * stride + bins - 1) + 1] = 0 }
        }
        block.inverse()
        let scale = 1 / Float(nFFT)
        window.withUnsafeBufferPointer { window in
            for j in 0..<count {
                let target = output + (first + j) * hopLength, frame = block.real + j * nFFT
                for i in 0..<nFFT { target[i] += frame[i] * window[i] * scale }
            }
        }
    }

    /// Divides by the summed squared window wherever it is above the smallest normal float.
    private func normalize(_ signal: inout [Float], frames: Int) {
        let squared = paddedWindow.map { $0 * $0 }
        var sumSquare = [Float](repeating: 0, count: signal.count)
        sumSquare.withUnsafeMutableBufferPointer { sum in
            squared.withUnsafeBufferPointer { squared in
                for t in 0..<frames {
                    let target = sum.baseAddress! + t * hopLength
                    for i in 0..<nFFT { target[i] += squared[i] }
                }
            }
            signal.withUnsafeMutableBufferPointer { signal in
                for i in 0..<signal.count where sum[i] > Float.leastNormalMagnitude { signal[i] /= sum[i] }
            }
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
