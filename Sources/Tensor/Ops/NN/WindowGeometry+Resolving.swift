extension WindowGeometry {
    /// Resolves the window geometry of a 2-D op over `height × width` planes, checking every
    /// parameter; `operation` names the op in failure messages.
    init(_ operation: String, height: Int, width: Int, kernel: Pair2D, stride: Pair2D, dilation: Pair2D,
         padding: Padding, ceilMode: Bool = false) {
        precondition(kernel.height >= 1 && kernel.width >= 1, "\(operation): kernel size \(kernel) must be ≥ 1")
        precondition(stride.height >= 1 && stride.width >= 1, "\(operation): stride \(stride) must be ≥ 1")
        precondition(dilation.height >= 1 && dilation.width >= 1, "\(operation): dilation \(dilation) must be ≥ 1")
        func axis(_ index: Int, _ size: Int, _ kernel: Int, _ stride: Int, _ dilation: Int) -> WindowAxis {
            let pads = padding.amounts(axis: index, of: 2, inputSize: size, kernelSize: kernel, stride: stride,
                                       dilation: dilation, operation)
            return WindowAxis(inputSize: size, kernelSize: kernel, stride: stride, dilation: dilation,
                              padBefore: pads.before, padAfter: pads.after, ceilMode: ceilMode)
        }
        self.init(height: axis(0, height, kernel.height, stride.height, dilation.height),
                  width: axis(1, width, kernel.width, stride.width, dilation.width))
        precondition(self.height.outputSize > 0 && self.width.outputSize > 0,
                     "\(operation): input \(height)×\(width) is smaller than the kernel \(kernel) with dilation \(dilation) and padding \(padding)")
    }
}
