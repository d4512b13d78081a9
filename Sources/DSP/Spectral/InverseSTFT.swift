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
        var signal = [Float](repeating: 0, count: synthesisSpan(frames: frames))
        signal.withUnsafeMutableBufferPointer { signal in
            synthesize(frames: frames, into: signal) { block, frames in
                gather(stftMatrix, frames: frames, into: block)
            }
        }
        let start = center ? nFFT / 2 : 0
        let count = length ?? max(signal.count - 2 * start, 0)
        return (0..<count).map { start + $0 < signal.count ? signal[start + $0] : 0 }
    }

    /// Samples the overlap-add of `frames` frames spans (before the centre padding is cut).
    func synthesisSpan(frames: Int) -> Int { nFFT + hopLength * max(frames - 1, 0) }

    /// Overlap-adds `window · irfft(spectrum)` of frames `0..<frames` at their hop offsets into the
    /// zeroed `signal` (``synthesisSpan(frames:)`` samples) and divides by the summed squared window.
    /// `spectra(block, range)` writes the spectra of the frames in `range` (at most `block.batch`)
    /// to `block.interleaved`, frame after frame; the imaginary parts of the DC and Nyquist bins are
    /// ignored, as `irfft` does. It runs concurrently for different ranges.
    func synthesize(frames: Int, into signal: UnsafeMutableBufferPointer<Float>,
                    spectra: (FFTBlock, Range<Int>) -> Void) {
        let batch = FrameTransformer.blockSize
        // Chunk `c` never overlaps chunk `c + 2`: even chunks run in parallel, then odd ones.
        let chunkFrames = max(4 * batch, (nFFT + hopLength - 1) / hopLength)
        let chunks = (frames + chunkFrames - 1) / chunkFrames
        let window = paddedWindow, output = signal.baseAddress!
        for parity in 0..<2 {
            let mine = Array(stride(from: parity, to: chunks, by: 2))
            Parallel.forEach(mine.count, when: mine.count > 1) { index in
                FFTBlock.withBlock(size: nFFT, batch: batch) { block in
                    let first = mine[index] * chunkFrames
                    for blockStart in stride(from: first, to: min(first + chunkFrames, frames), by: batch) {
                        let range = blockStart..<min(blockStart + batch, frames)
                        spectra(block, range)
                        overlapAdd(block, frames: range, window: window, into: output)
                    }
                }
            }
        }
        normalize(signal, frames: frames)
    }

    /// Copies the columns `frames` of `stftMatrix` into `block`'s spectra (zeros elsewhere).
    private func gather(_ stftMatrix: ComplexMatrix, frames: Range<Int>, into block: FFTBlock) {
        let columns = stftMatrix.columns, stride = block.spectrumStride
        let spectra = block.interleaved, first = frames.lowerBound, count = frames.count
        spectra.update(repeating: 0, count: 2 * stride * block.batch)
        stftMatrix.real.withUnsafeBufferPointer { real in
            stftMatrix.imaginary.withUnsafeBufferPointer { imaginary in
                for k in 0..<binCount {
                    let re = real.baseAddress! + k * columns + first, im = imaginary.baseAddress! + k * columns + first
                    for j in 0..<count {
                        spectra[2 * (j * stride + k)] = re[j]
                        spectra[2 * (j * stride + k) + 1] = im[j]
                    }
                }
            }
        }
    }

    /// Inverse-transforms the spectra of `frames` in `block` and adds them, windowed, into `output`.
    private func overlapAdd(_ block: FFTBlock, frames: Range<Int>, window: [Float],
                            into output: UnsafeMutablePointer<Float>) {
        let spectra = block.interleaved, stride = block.spectrumStride
        for j in 0..<frames.count {
            spectra[2 * j * stride + 1] = 0
            if nFFT % 2 == 0 { spectra[2 * (j * stride + binCount - 1) + 1] = 0 }
        }
        block.inverse()
        let scale = 1 / Float(nFFT)
        window.withUnsafeBufferPointer { window in
            for j in 0..<frames.count {
                let target = output + (frames.lowerBound + j) * hopLength, frame = block.real + j * nFFT
                for i in 0..<nFFT { target[i] += frame[i] * window[i] * scale }
            }
        }
    }

    /// Divides by the summed squared window wherever it is above the smallest normal float. The
    /// sum is built one hop of samples at a time (frames added in order), so no signal-sized
    /// buffer is needed; hops covered by every overlapping frame share one sum.
    private func normalize(_ signal: UnsafeMutableBufferPointer<Float>, frames: Int) {
        let squared = paddedWindow.map { $0 * $0 }
        let overlapping = (nFFT + hopLength - 1) / hopLength
        var sum = [Float](repeating: 0, count: hopLength)
        var sumCoversAllFrames = false
        squared.withUnsafeBufferPointer { squared in
            sum.withUnsafeMutableBufferPointer { sum in
                for start in stride(from: 0, to: signal.count, by: hopLength) {
                    let hop = start / hopLength, width = min(hopLength, signal.count - start)
                    let firstFrame = hop - overlapping + 1, lastFrame = hop
                    let coversAllFrames = firstFrame >= 0 && lastFrame < frames && width == hopLength
                    if !(coversAllFrames && sumCoversAllFrames) {
                        sum.update(repeating: 0)
                        for frame in stride(from: max(0, firstFrame), through: min(lastFrame, frames - 1), by: 1) {
                            let offset = (hop - frame) * hopLength
                            for i in 0..<min(width, nFFT - offset) { sum[i] += squared[offset + i] }
                        }
                        sumCoversAllFrames = coversAllFrames
                    }
                    for i in 0..<width {
                        let value = signal[start + i], total = sum[i]
                        signal[start + i] = total > Float.leastNormalMagnitude ? value / total : value
                    }
                }
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
