extension Tensor {
    /// The window geometry of a pooling op on this NCHW tensor, with PyTorch's checks: explicit
    /// padding at most half the (dilated) kernel.
    func poolingGeometry(_ operation: String, kernelSize: Pair2D, stride: Pair2D?, padding: Padding,
                         dilation: Pair2D, ceilMode: Bool) -> WindowGeometry {
        precondition(rank == 4, "\(operation): input must be [N, C, H, W], got \(shape)")
        let geometry = WindowGeometry(operation, height: shape[2], width: shape[3], kernel: kernelSize,
                                      stride: stride ?? kernelSize, dilation: dilation, padding: padding,
                                      ceilMode: ceilMode)
        if padding != .same {
            for axis in [geometry.height, geometry.width] {
                precondition(axis.padBefore <= ((axis.kernelSize - 1) * axis.dilation + 1) / 2,
                             "\(operation): padding \(padding) must be at most half the kernel \(kernelSize)")
            }
        }
        return geometry
    }
}
