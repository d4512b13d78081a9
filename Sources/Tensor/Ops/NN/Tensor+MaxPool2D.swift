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
        if geometry.isPairwiseHalving { return pairwiseMaxPool2d(geometry) }
        let (planes, outputPlane) = (shape[0] * shape[1], geometry.outputPlane)
        let input = self, recordsIndices = GradMode.isEnabled && node != nil
        // The argmax of every output, in a (cached, reused) tensor buffer of 4-byte slots.
        let indices = TensorStorage(uninitializedCount: recordsIndices ? planes * outputPlane : 0)
        let positions = UnsafeMutableRawPointer(indices.pointer).bindMemory(to: Int32.self, capacity: indices.count)
        let value = mapPlanes(geometry) { plane, source, output in
            MaxPoolKernel.forward(source, geometry: geometry, output: output,
                                  indices: recordsIndices ? positions + plane * outputPlane : nil)
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            withExtendedLifetime(indices) {
                input.planeGradient(gradient, geometry: geometry) { plane, outputGradient, inputGradient in
                    MaxPoolKernel.backward(outputGradient, indices: positions + plane * outputPlane,
                                           geometry: geometry, inputGradient: inputGradient)
                }
            }
        }
    }

    /// The 2×2 / stride-2 max pool on `MaxPool2x2Kernel`, whose backward recomputes the argmax.
    private func pairwiseMaxPool2d(_ geometry: WindowGeometry) -> Tensor {
        let plane = geometry.pairwisePlane
        let input = self
        let value = mapPlanes(geometry) { _, source, output in
            MaxPool2x2Kernel.forward(source, plane: plane, output: output)
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            input.planeGradient(gradient, geometry: geometry) { index, outputGradient, inputGradient in
                MaxPool2x2Kernel.backward(outputGradient, input: input.storage.pointer + index * geometry.inputPlane,
                                          plane: plane, inputGradient: inputGradient)
            }
        }
    }

    /// The `[N, C, outHeight, outWidth]` result of `body(plane, inputPlane, outputPlane)` run
    /// concurrently over the planes of this tensor.
    private func mapPlanes(_ geometry: WindowGeometry,
                           _ body: (Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> Tensor {
        let (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        return Tensor(shape: [shape[0], shape[1], geometry.height.outputSize, geometry.width.outputSize]) { output in
            PoolingKernel.forEachPlane(shape[0] * shape[1], planeSize: inputPlane) { range in
                for plane in range {
                    body(plane, storage.pointer + plane * inputPlane, output.baseAddress! + plane * outputPlane)
                }
            }
        }
    }

    /// The input gradient written by `body(plane, outputGradient, inputGradient)` run concurrently
    /// over the planes of `gradient`.
    private func planeGradient(_ gradient: Tensor, geometry: WindowGeometry,
                               _ body: (Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> [Tensor?] {
        let (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        let inputGradient = TensorStorage(uninitializedCount: count)
        PoolingKernel.forEachPlane(shape[0] * shape[1], planeSize: inputPlane) { range in
            for plane in range {
                body(plane, gradient.storage.pointer + plane * outputPlane, inputGradient.pointer + plane * inputPlane)
            }
        }
        return [Tensor(shape: shape, storage: inputGradient)]
    }
}
