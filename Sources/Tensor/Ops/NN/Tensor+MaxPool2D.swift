extension Tensor {
    /// 2-D max pooling of an NCHW batch, as `torch.nn.functional.max_pool2d`.
    ///
    /// Padding never wins a window (it acts as −∞), which is also TensorFlow's behaviour for
    /// `.same`. Ties go to the first maximum in row-major order, which alone receives the gradient,
    /// as in PyTorch.
    ///
    /// - Parameters:
    ///   - kernelSize: Window size per axis.
    ///   - stride: Step of the window; nil means `kernelSize` (PyTorch's and Keras's default).
    ///   - padding: `.valid`, `.same` (TensorFlow's) or explicit amounts of at most half the kernel.
    ///   - dilation: Spacing between window taps.
    ///   - ceilMode: Round the output size up (PyTorch `ceil_mode`).
    /// - Returns: `[N, C, outHeight, outWidth]`.
    public func maxPool2d(kernelSize: Pair2D, stride: Pair2D? = nil, padding: Padding = .valid,
                          dilation: Pair2D = 1, ceilMode: Bool = false) -> Tensor {
        let geometry = poolingGeometry("maxPool2d", kernelSize: kernelSize, stride: stride, padding: padding,
                                       dilation: dilation, ceilMode: ceilMode)
        let planes = shape[0] * shape[1], (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        let input = self
        var indices = [Int32](repeating: 0, count: planes * outputPlane)
        let value = indices.withUnsafeMutableBufferPointer { positions in
            Tensor(shape: [shape[0], shape[1], geometry.height.outputSize, geometry.width.outputSize]) { output in
                PoolingKernel.forEachPlane(planes, planeSize: inputPlane) { range in
                    for plane in range {
                        PoolingKernel.maxForward(input.storage.pointer + plane * inputPlane, geometry: geometry,
                                                 output: output.baseAddress! + plane * outputPlane,
                                                 indices: positions.baseAddress! + plane * outputPlane)
                    }
                }
            }
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            let inputGradient = TensorStorage(uninitializedCount: input.count)
            indices.withUnsafeBufferPointer { positions in
                PoolingKernel.forEachPlane(planes, planeSize: inputPlane) { range in
                    for plane in range {
                        PoolingKernel.maxBackward(gradient.storage.pointer + plane * outputPlane,
                                                  indices: positions.baseAddress! + plane * outputPlane,
                                                  geometry: geometry,
                                                  inputGradient: inputGradient.pointer + plane * inputPlane)
                    }
                }
            }
            return [Tensor(shape: input.shape, storage: inputGradient)]
        }
    }
}
