import ConcurrencySupport
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
        let input = self, kernel = MaxPoolKernel(geometry: geometry)
        guard GradMode.isEnabled && node != nil else {
            return mapPlanes(geometry) { planes, source, output in
                kernel.forward(planes: planes, input: source, output: output, indices: nil)
            }
        }
        // The argmax of every output, in a (cached, reused) tensor buffer of 4-byte slots.
        let indices = TensorStorage(uninitializedCount: planes * outputPlane)
        let positions = SharedPointer(UnsafeMutableRawPointer(indices.pointer).bindMemory(to: Int32.self, capacity: indices.count))
        let value = mapPlanes(geometry) { planes, source, output in
            kernel.forward(planes: planes, input: source, output: output, indices: positions.pointer)
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            withExtendedLifetime(indices) {
                input.planeGradient(gradient, geometry: geometry) { plane, outputGradient, inputGradient in
                    MaxPoolKernel.backward(outputGradient, indices: positions.pointer + plane * outputPlane,
                                           geometry: geometry, inputGradient: inputGradient)
                }
            }
        }
    }

    /// The 2×2 / stride-2 max pool on `MaxPool2x2Kernel`, whose backward recomputes the argmax.
    private func pairwiseMaxPool2d(_ geometry: WindowGeometry) -> Tensor {
        let plane = geometry.pairwisePlane
        let input = self
        let value = mapPlanes(geometry) { planes, source, output in
            MaxPool2x2Kernel.forward(planes: planes, input: source, inputEnd: source + count, plane: plane, output: output)
        }
        return Tensor.makeResult(value, parents: [input]) { gradient in
            let inputGradient = TensorStorage(uninitializedCount: input.count)
            PoolingKernel.forEachPlane(input.shape[0] * input.shape[1], planeSize: geometry.inputPlane) { planes in
                let (source, outputGradient) = (input.storage.pointer, gradient.storage.pointer)
                MaxPool2x2Kernel.backward(planes: planes, outputGradient: outputGradient,
                                          outputGradientEnd: outputGradient + gradient.count, input: source,
                                          inputEnd: source + input.count, plane: plane, inputGradient: inputGradient.pointer)
            }
            return [Tensor(shape: input.shape, storage: inputGradient)]
        }
    }

    /// The `[N, C, outHeight, outWidth]` result of `body(planes, input, output)` run concurrently over
    /// ranges of planes (`input` and `output` point at plane 0 of this tensor and of the result).
    private func mapPlanes(_ geometry: WindowGeometry,
                           _ body: @Sendable (Range<Int>, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> Tensor {
        Tensor(shape: [shape[0], shape[1], geometry.height.outputSize, geometry.width.outputSize]) { output in
            let output = SharedPointer(output)
            PoolingKernel.forEachPlane(shape[0] * shape[1], planeSize: geometry.inputPlane) { planes in
                body(planes, storage.pointer, output.pointer)
            }
        }
    }

    /// The input gradient written by `body(plane, outputGradient, inputGradient)` run concurrently
    /// over the planes of `gradient`.
    private func planeGradient(_ gradient: Tensor, geometry: WindowGeometry,
                               _ body: @Sendable (Int, UnsafePointer<Float>, UnsafeMutablePointer<Float>) -> Void) -> [Tensor?] {
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
