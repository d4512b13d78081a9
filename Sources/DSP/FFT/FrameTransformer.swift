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
                    FFTBlock.withBlock(size: nFFT, batch: Self.blockSize) { block in
                        let first = index * Self.blockSize
                        let frames = first..<min(first + Self.blockSize, frameCount)
                        transform(frames, in: block, signal: signal, window: window.baseAddress!)
                        emit(SpectraBlock(spectra: block.interleaved, bins: block.bins,
                                          stride: block.spectrumStride, first: first, count: frames.count))
                    }
                }
            }
        }
    }

    /// Windows `frames` (at most `block.batch`) of `signal` (the framing's) into `block`, zeroes
    /// the slots after them and transforms the block: the spectrum of frame `frames.lowerBound + j`
    /// lands in slot `j`.
    private func transform(_ frames: Range<Int>, in block: FFTBlock, signal: UnsafeBufferPointer<Float>,
                   window: UnsafePointer<Float>) {
        let nFFT = framing.frameLength
        for (slot, frame) in frames.enumerated() {
            framing.load(frame: frame, window: window, into: block.real + slot * nFFT, from: signal)
        }
        (block.real + frames.count * nFFT).update(repeating: 0, count: (block.batch - frames.count) * nFFT)
        block.forward()
    }
}
