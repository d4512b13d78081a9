import Foundation

/// Windowed real FFTs of every frame of a (padded) signal, in blocks of frames spread over the
/// cores: the engine under `stft` and the spectrogram fast paths.
struct FrameTransformer {
    /// Frames per FFTW batch: large enough to amortise the call, small enough for L2.
    static let blockSize = 16
    /// Below this many blocks the work stays on the calling thread.
    static let parallelThreshold = 4

    let nFFT: Int
    let hopLength: Int
    /// The analysis window, already padded to `nFFT`.
    let window: [Float]

    /// Transforms the `frameCount` frames of `signal` (frame `t` starts at `t * hopLength`) and
    /// hands each block of spectra to `emit`, which runs concurrently for different blocks.
    func forEachBlock(of signal: [Float], frameCount: Int, _ emit: (SpectraBlock) -> Void) {
        let blocks = (frameCount + Self.blockSize - 1) / Self.blockSize
        signal.withUnsafeBufferPointer { signal in
            window.withUnsafeBufferPointer { window in
                Parallel.forEach(blocks, when: blocks >= Self.parallelThreshold) { index in
                    FFTBlockPool.shared.withBlock(size: nFFT, batch: Self.blockSize) { block in
                        let first = index * Self.blockSize
                        let count = min(Self.blockSize, frameCount - first)
                        load(signal, window, frames: first..<first + count, into: block)
                        block.forward()
                        emit(SpectraBlock(spectra: block.interleaved, bins: block.bins,
                                          stride: block.spectrumStride, first: first, count: count))
                    }
                }
            }
        }
    }

    /// Copies the windowed frames into `block`, zero-filling unused slots.
    private func load(_ signal: UnsafeBufferPointer<Float>, _ window: UnsafeBufferPointer<Float>,
                      frames: Range<Int>, into block: FFTBlock) {
        for (slot, frame) in frames.enumerated() {
            let source = signal.baseAddress! + frame * hopLength
            let target = block.real + slot * nFFT
            for i in 0..<nFFT { target[i] = source[i] * window[i] }
        }
        let used = frames.count * nFFT
        (block.real + used).update(repeating: 0, count: Self.blockSize * nFFT - used)
    }
}
