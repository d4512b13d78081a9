/// Where a resampler's frames go: the first `discard` frames are dropped, the next fill
/// `destination` (interleaved), and anything after it is full is dropped too.
struct ResampledOutput {
    let destination: UnsafeMutableBufferPointer<Float>
    let channels: Int
    /// Frames still to drop before writing.
    private(set) var discard: Int
    /// Frames written into `destination`.
    private(set) var written = 0
    private var scratch: [Float]

    init(_ destination: UnsafeMutableBufferPointer<Float>, channels: Int, discard: Int = 0) {
        self.destination = destination
        self.channels = channels
        self.discard = discard
        scratch = [Float](repeating: 0, count: min(discard, 4096) * channels)
    }

    /// Frames `destination` can still take.
    var capacity: Int { destination.count / channels - written }

    /// Runs `produce(buffer, frames)` on the next free space (the scratch while discarding) and
    /// accounts for the frames it reports writing. Returns that count.
    mutating func write(_ produce: (UnsafeMutablePointer<Float>, Int) throws -> Int) rethrows -> Int {
        if discard > 0 {
            let frames = min(discard, scratch.count / channels)
            let done = try scratch.withUnsafeMutableBufferPointer { try produce($0.baseAddress!, frames) }
            discard -= done
            return done
        }
        guard capacity > 0 else { return 0 }
        let done = try produce(destination.baseAddress! + written * channels, capacity)
        written += done
        return done
    }

    /// Zeros the frames no one wrote (librosa pads a short result with zeros).
    func padWithZeros() {
        UnsafeMutableBufferPointer(rebasing: destination[(written * channels)...]).update(repeating: 0)
    }
}
