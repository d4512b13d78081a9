/// Windowed real FFTs of every frame of a signal, in blocks of frames spread over the cores: the
/// engine under `stft` and the spectrogram fast paths.
struct FrameTransformer {
    /// Frames per FFTW batch: large enough to amortise the call, small enough for L2.
    static let blockSize = 16
    /// Below this many blocks the work stays on the calling thread.
    static let parallelThreshold = 4

    /// The frames to transform; their length is the FFT size.
    let framing: Framing
    /// The analysis window, already padded to the frame length.
    let window: [Float]

    /// Transforms every frame and hands each block of spectra to `emit`, which runs concurrently
    /// for different blocks.
    func forEachBlock(_ emit: (SpectraBlock) -> Void) {
        let nFFT = framing.frameLength, frameCount = framing.count
        let blocks = (frameCount + Self.blockSize - 1) / Self.blockSize
        framing.signal.withUnsafeBufferPointer { signal in
            window.withUnsafeBufferPointer { window in
                Parallel.forEach(blocks, when: blocks >= Self.parallelThreshold) { index in
                    FFTBlockPool.shared.withBlock(size: nFFT, batch: Self.blockSize) { block in
                        let first = index * Self.blockSize
                        let count = min(Self.blockSize, frameCount - first)
                        for slot in 0..<count {
                            framing.load(frame: first + slot, window: window.baseAddress!,
                                         into: block.real + slot * nFFT, from: signal)
                        }
                        (block.real + count * nFFT).update(repeating: 0, count: (Self.blockSize - count) * nFFT)
                        block.forward()
                        emit(SpectraBlock(spectra: block.interleaved, bins: block.bins,
                                          stride: block.spectrumStride, first: first, count: count))
                    }
                }
            }
        }
    }
}
