import ConcurrencySupport
extension Tensor {
    /// 2-D average pooling of an NCHW batch, as `torch.nn.functional.avg_pool2d`.
    ///
    /// - Parameters:
    ///   - kernelSize: Window size per axis.
    ///   - stride: Step of the window; nil means `kernelSize`.
    ///   - padding: `.valid`, `.same` (TensorFlow's) or explicit amounts of at most half the kernel.
    ///   - ceilMode: Round the output size up (PyTorch `ceil_mode`).
    ///   - countIncludePad: Whether the divisor counts the zero padding inside a window. nil (the
    ///     default) follows the library each padding comes from: true for explicit padding
    ///     (PyTorch's `count_include_pad=True`), false for `.same` (Keras `AveragePooling2D`).
    /// - Returns: `[N, C, outHeight, outWidth]`.
    public func avgPool2d(kernelSize: Pair2D, stride: Pair2D? = nil, padding: Padding = .valid,
                          ceilMode: Bool = false, countIncludePad: Bool? = nil) -> Tensor {
        let geometry = poolingGeometry("avgPool2d", kernelSize: kernelSize, stride: stride, padding: padding,
                                       dilation: 1, ceilMode: ceilMode)
        let includePad = countIncludePad ?? (padding != .same)
        let planes = shape[0] * shape[1], (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        let input = self
        let value = Tensor(shape: [shape[0], shape[1], geometry.height.outputSize, geometry.width.outputSize]) { output in
            let output = SharedPointer(output)
            PoolingKernel.forEachPlane(planes, planeSize: inputPlane) { range in
                for plane in range {
                    PoolingKernel.averageForward(input.storage.pointer + plane * inputPlane, geometry: geometry,
                                                 countIncludePad: includePad,
                                                 output: output.pointer + plane * outputPlane)
                }
            }
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            let inputGradient = TensorStorage(uninitializedCount: input.count)
            PoolingKernel.forEachPlane(planes, planeSize: inputPlane) { range in
                for plane in range {
                    PoolingKernel.averageBackward(gradient.storage.pointer + plane * outputPlane, geometry: geometry,
                                                  countIncludePad: includePad,
                                                  inputGradient: inputGradient.pointer + plane * inputPlane)
                }
            }
            return [Tensor(shape: input.shape, storage: inputGradient)]
        }
    }
}
