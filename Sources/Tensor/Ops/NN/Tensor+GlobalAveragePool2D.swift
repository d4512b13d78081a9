extension Tensor {
    /// The mean over the spatial axes of an NCHW batch: `[N, C]`, as Keras
    /// `GlobalAveragePooling2D`, or `[N, C, 1, 1]` with `keepDims`, as PyTorch
    /// `adaptive_avg_pool2d(x, 1)`.
    public func globalAveragePool2d(keepDims: Bool = false) -> Tensor {
        precondition(rank == 4, "globalAveragePool2d: input must be [N, C, H, W], got \(shape)")
        return mean(axes: [2, 3], keepDims: keepDims)
    }
}
