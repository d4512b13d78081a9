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
                Parallel.forEach(blocks, when: blocks >= Self.parallelThreshold,
                                 makeResource: { FFTBlock(size: nFFT, batch: Self.blockSize) }) { index, block in
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

/// Spectra of consecutive frames, frame-major: bin `k` of the `j`-th frame of the block is the
/// interleaved complex value at `2 * (j * stride + k)`; the block holds frames `first ..< first + count`.
struct SpectraBlock {
    let spectra: UnsafePointer<Float>
    let bins: Int
    let stride: Int
    let first: Int
    let count: Int

    /// Writes `transform(re, im)` of each value to columns `first ..< first + count` of the
    /// bin-major `bins × columns` matrix at `output`.
    @inline(__always)
    func scatter(into output: UnsafeMutablePointer<Float>, columns: Int, _ transform: (Float, Float) -> Float) {
        for k in 0..<bins {
            let row = output + k * columns + first
            for j in 0..<count {
                let offset = 2 * (j * stride + k)
                row[j] = transform(spectra[offset], spectra[offset + 1])
            }
        }
    }
}
