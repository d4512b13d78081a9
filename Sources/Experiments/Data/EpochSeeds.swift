/// The per-epoch shuffle seeds of the experiments' in-memory sources (`TensorBatches`).
enum EpochSeeds {
    /// `seed + epoch · φ` (golden-ratio increment) when `shuffle`, nil (sample order) otherwise.
    static func shuffle(_ shuffle: Bool, seed: UInt64) -> (@Sendable (Int) -> UInt64)? {
        guard shuffle else { return nil }
        return { epoch in
            let step: UInt64 = UInt64(epoch) &* 0x9E37_79B9_7F4A_7C15
            return seed &+ step
        }
    }
}
