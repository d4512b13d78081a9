import Foundation
import COpenBLAS
import ConcurrencySupport

/// Grouped 2-D convolution of one NCHW image at a time by im2col + `cblas_sgemm`.
///
/// The output is produced in bands of `bandRows` output rows so that the column matrix of a band
/// (and the matching output band) stays in cache. Pointwise convolutions (1×1, stride 1, no
/// padding) skip the unfolding: the input image is already its own column matrix.
/// Weights are `[outChannels, inChannels / groups, kh, kw]`, as PyTorch's. The batch methods switch
/// to Winograd's algorithm (`Winograd3x3Kernel`, tiles of several images per GEMM) for ungrouped 3×3
/// stride-1 convolutions with at least `winogradMinimumChannels` input channels; below that its GEMMs
/// are too thin to pay off. Depthwise
/// convolutions (`groups == inChannels`) run the direct `DepthwiseConv2DKernel` instead.
struct Conv2DKernel {
    var inChannels: Int
    var outChannels: Int
    var groups: Int
    var geometry: WindowGeometry
    /// Output rows per band.
    var bandRows: Int
    /// The Winograd kernel used by the batch methods when it applies.
    var winograd: Winograd3x3Kernel?
    /// The direct kernel used by the batch methods for depthwise convolutions.
    var depthwise: DepthwiseConv2DKernel?

    static let winogradMinimumChannels = 8

    /// Floats of column matrix plus output band kept in cache per band.
    static let bandBudget = 96 * 1024

    /// The kernel for batches of `batch` images (which sizes the bands of Winograd's tiles).
    init(inChannels: Int, outChannels: Int, groups: Int, geometry: WindowGeometry, batch: Int) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.groups = groups
        self.geometry = geometry
        let rowFloats = (inChannels * geometry.kernelArea + outChannels) * geometry.width.outputSize
        bandRows = min(max(Self.bandBudget / max(rowFloats, 1), 1), max(geometry.height.outputSize, 1))
        if groups == 1, inChannels >= Self.winogradMinimumChannels, Winograd3x3Kernel.applies(to: geometry) {
            winograd = Winograd3x3Kernel(inChannels: inChannels, outChannels: outChannels, geometry: geometry,
                                         batch: batch, workers: Parallel.threadCount)
        }
        if DepthwiseConv2DKernel.applies(inChannels: inChannels, groups: groups) {
            depthwise = DepthwiseConv2DKernel(channels: inChannels, outChannels: outChannels, geometry: geometry)
        }
    }

    var groupInChannels: Int { inChannels / groups }
    var groupOutChannels: Int { outChannels / groups }
    /// Rows of the column matrix of one group: the GEMM inner dimension.
    var patchSize: Int { groupInChannels * geometry.kernelArea }
    var isPointwise: Bool {
        let (h, w) = (geometry.height, geometry.width)
        return geometry.kernelArea == 1 && h.stride == 1 && w.stride == 1
            && h.padBefore == 0 && w.padBefore == 0 && h.outputSize == h.inputSize && w.outputSize == w.inputSize
    }
    /// Floats of scratch needed by `forward` / `backward` for one column matrix.
    var columnCapacity: Int { isPointwise ? 0 : inChannels * geometry.kernelArea * bandRows * geometry.width.outputSize }

    /// The bands of output rows.
    var bands: StrideTo<Int> { stride(from: 0, to: geometry.height.outputSize, by: bandRows) }

    /// `output = weight ⊛ input + bias` for one image. The column matrices are unfolded into `columns`
    /// (one band's worth of scratch), or with `keepsColumns` into consecutive bands of `columns`, which
    /// then holds the image's `imageColumnCount` columns for `backward`.
    func forward(input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>, columns: UnsafeMutablePointer<Float>, keepsColumns: Bool = false) {
        let plane = geometry.outputPlane
        for bandStart in bands {
            let rows = bandStart..<min(bandStart + bandRows, geometry.height.outputSize)
            let (matrix, stride) = columnMatrix(input, rows: rows,
                                                scratch: keepsColumns ? columns + bandOffset(rows) : columns)
            let offset = rows.lowerBound * geometry.width.outputSize
            let width = rows.count * geometry.width.outputSize
            if let bias {
                for channel in 0..<outChannels {
                    (output + channel * plane + offset).update(repeating: bias[channel], count: width)
                }
            }
            for group in 0..<groups {
                BLAS.sgemm(m: groupOutChannels, n: width, k: patchSize,
                           a: weight + group * groupOutChannels * patchSize, lda: patchSize,
                           b: matrix + group * patchSize * stride, ldb: stride, beta: bias == nil ? 0 : 1,
                           c: output + group * groupOutChannels * plane + offset, ldc: plane)
            }
        }
    }

    /// Backward pass for one image. Accumulates into `weightGradient` and `biasGradient` and
    /// overwrites `inputGradient`; any of them may be nil when not wanted.
    func backward(input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  outputGradient: UnsafePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>?,
                  weightGradient: UnsafeMutablePointer<Float>?,
                  biasGradient: UnsafeMutablePointer<Float>?,
                  columns: UnsafeMutablePointer<Float>, columnGradients: UnsafeMutablePointer<Float>,
                  savedColumns: UnsafePointer<Float>? = nil) {
        let plane = geometry.outputPlane
        if let inputGradient, !isPointwise {
            inputGradient.update(repeating: 0, count: inChannels * geometry.inputPlane)
        }
        for bandStart in bands {
            let rows = bandStart..<min(bandStart + bandRows, geometry.height.outputSize)
            let offset = rows.lowerBound * geometry.width.outputSize
            let width = rows.count * geometry.width.outputSize
            if let biasGradient {
                accumulateBiasGradient(outputGradient, offset: offset, count: width, into: biasGradient)
            }
            if let weightGradient {
                let (matrix, stride) = savedColumns.map { ($0 + bandOffset(rows), width) }
                    ?? columnMatrix(input, rows: rows, scratch: columns)
                for group in 0..<groups {
                    BLAS.sgemm(transposeB: true, m: groupOutChannels, n: patchSize, k: width,
                               a: outputGradient + group * groupOutChannels * plane + offset, lda: plane,
                               b: matrix + group * patchSize * stride, ldb: stride, beta: 1,
                               c: weightGradient + group * groupOutChannels * patchSize, ldc: patchSize)
                }
            }
            if let inputGradient {
                let (target, stride) = isPointwise
                    ? (inputGradient + offset, plane) : (columnGradients, width)
                for group in 0..<groups {
                    BLAS.sgemm(transposeA: true, m: patchSize, n: width, k: groupOutChannels,
                               a: weight + group * groupOutChannels * patchSize, lda: patchSize,
                               b: outputGradient + group * groupOutChannels * plane + offset, ldb: plane,
                               c: target + group * patchSize * stride, ldc: stride)
                }
                if !isPointwise {
                    Im2Col.fold(columnGradients, channels: inChannels, geometry: geometry, rows: rows,
                                into: inputGradient)
                }
            }
        }
    }

    /// Where the columns of the band of output rows `rows` start among an image's kept columns.
    private func bandOffset(_ rows: Range<Int>) -> Int {
        inChannels * geometry.kernelArea * rows.lowerBound * geometry.width.outputSize
    }

    /// The column matrix of a band and its row stride: the unfolded scratch, or for pointwise
    /// convolutions the input itself.
    private func columnMatrix(_ input: UnsafePointer<Float>, rows: Range<Int>,
                              scratch: UnsafeMutablePointer<Float>) -> (UnsafePointer<Float>, Int) {
        if isPointwise {
            return (input + rows.lowerBound * geometry.width.outputSize, geometry.inputPlane)
        }
        Im2Col.unfold(input, channels: inChannels, geometry: geometry, rows: rows, into: scratch)
        return (UnsafePointer(scratch), rows.count * geometry.width.outputSize)
    }
}

extension Conv2DKernel {
    /// Floats of one image's column matrices (all bands).
    var imageColumnCount: Int { inChannels * geometry.kernelArea * geometry.outputPlane }

    /// Floats that `forward(batch:…)` can keep of `batch` images for `backward(batch:…)`, nil when it
    /// keeps nothing: the column matrices of im2col convolutions, or the transformed input of Winograd
    /// ones, when they take at most `keptColumnsLimit` floats. The backward then skips unfolding or
    /// transforming the input again for the weight gradient.
    func keptCount(batch: Int) -> Int? {
        guard depthwise == nil && !isPointwise else { return nil }
        let count = winograd?.keptCount(batch: batch) ?? batch * imageColumnCount
        return count <= Self.keptColumnsLimit ? count : nil
    }

    /// Most floats kept per convolution (64 MiB).
    static let keptColumnsLimit = 16 << 20

    /// Forward pass over `batch` consecutive images, images (or Winograd bands) split across `Parallel`
    /// workers. With `keptColumns` (`keptCount(batch:)` floats) the column matrices or transformed input
    /// are written there and kept.
    func forward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>,
                 keptColumns: UnsafeMutablePointer<Float>? = nil) {
        if let depthwise {
            return depthwise.forward(batch: batch, input: input, weight: weight, bias: bias, output: output)
        }
        let shared = (input: SharedPointer(input), weight: SharedPointer(weight), bias: SharedPointer(bias),
                      output: SharedPointer(output), kept: SharedPointer(keptColumns))
        if let winograd {
            let transformed = transformedWeights(weight, flipped: false)
            return Parallel.parallelFor(0..<winograd.bandCount(batch: batch)) { bands in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: winograd.scratchCount)
                defer { scratch.deallocate() }
                winograd.forward(bands: bands, batch: batch, input: shared.input.readOnly, transformedWeight: transformed,
                                 bias: shared.bias.readOnlyAddress, output: shared.output.pointer, scratch: scratch,
                                 kept: shared.kept.address)
            }
        }
        let (inputImage, outputImage) = (inChannels * geometry.inputPlane, outChannels * geometry.outputPlane)
        // Kept columns are unfolded in place, so only the other path needs per-worker scratch.
        let scratchCount = keptColumns == nil ? max(columnCapacity, 1) : 1
        Parallel.parallelFor(0..<batch) { images in
            let (input, weight, bias, output) = (shared.input.readOnly, shared.weight.readOnly, shared.bias.readOnlyAddress,
                                                 shared.output.pointer)
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchCount)
            defer { scratch.deallocate() }
            for image in images {
                let (x, y) = (input + image * inputImage, output + image * outputImage)
                if let keptColumns = shared.kept.address {
                    forward(input: x, weight: weight, bias: bias, output: y,
                            columns: keptColumns + image * imageColumnCount, keepsColumns: true)
                } else {
                    forward(input: x, weight: weight, bias: bias, output: y, columns: scratch)
                }
            }
        }
    }

    /// Backward pass over `batch` images: overwrites `inputGradient` and (when given) sets
    /// `weightGradient` and `biasGradient` to the sums over the batch.
    func backward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                  weightGradient: UnsafeMutablePointer<Float>?, biasGradient: UnsafeMutablePointer<Float>?,
                  keptColumns: UnsafePointer<Float>? = nil) {
        if let depthwise {
            return depthwise.backward(batch: batch, input: input, weight: weight, outputGradient: outputGradient,
                                      inputGradient: inputGradient, weightGradient: weightGradient,
                                      biasGradient: biasGradient)
        }
        if let winograd {
            return winogradBackward(winograd, batch: batch, input: input, weight: weight, outputGradient: outputGradient,
                                    inputGradient: inputGradient, weightGradient: weightGradient,
                                    biasGradient: biasGradient, keptInput: keptColumns)
        }
        let (inputImage, outputImage) = (inChannels * geometry.inputPlane, outChannels * geometry.outputPlane)
        let weightCount = outChannels * patchSize
        // Column scratch (unless the forward's columns were kept) and column-gradient scratch.
        let columnScratch = keptColumns == nil ? columnCapacity : 0
        let scratchCount = columnScratch + columnCapacity
        let totals = UnsafeMutablePointer<Float>.allocate(capacity: weightCount + outChannels)
        defer { totals.deallocate() }
        totals.initialize(repeating: 0, count: weightCount + outChannels)
        let lock = NSLock()
        let shared = (input: SharedPointer(input), weight: SharedPointer(weight), outputGradient: SharedPointer(outputGradient),
                      inputGradient: SharedPointer(inputGradient), kept: SharedPointer(keptColumns), totals: SharedPointer(totals))
        let (hasWeightGradient, hasBiasGradient) = (weightGradient != nil, biasGradient != nil)
        Parallel.parallelFor(0..<batch) { images in
            let (input, weight, outputGradient) = (shared.input.readOnly, shared.weight.readOnly, shared.outputGradient.readOnly)
            let (inputGradient, keptColumns) = (shared.inputGradient.address, shared.kept.readOnlyAddress)
            // Per-worker scratch, then this worker's weight and bias sums.
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: scratchCount + weightCount + outChannels)
            defer { scratch.deallocate() }
            let partialWeight = scratch + scratchCount, partialBias = partialWeight + weightCount
            partialWeight.initialize(repeating: 0, count: weightCount + outChannels)
            for image in images {
                let (x, dy) = (input + image * inputImage, outputGradient + image * outputImage)
                backward(input: x, weight: weight, outputGradient: dy, inputGradient: inputGradient.map { $0 + image * inputImage },
                         weightGradient: hasWeightGradient ? partialWeight : nil,
                         biasGradient: hasBiasGradient ? partialBias : nil,
                         columns: scratch, columnGradients: scratch + columnScratch,
                         savedColumns: keptColumns.map { $0 + image * imageColumnCount })
            }
            lock.withLock {
                for k in 0..<weightCount + outChannels { shared.totals[k] += partialWeight[k] }
            }
        }
        weightGradient?.initialize(from: totals, count: weightCount)
        biasGradient?.initialize(from: totals + weightCount, count: outChannels)
    }

    /// The Winograd backward: weight and bias gradients summed over the batch's bands (in the Winograd
    /// domain, from the forward's transformed input when kept), then the input gradient as the
    /// stride-1 convolution of the output gradient with the flipped kernel, over that kernel's bands.
    private func winogradBackward(_ winograd: Winograd3x3Kernel, batch: Int, input: UnsafePointer<Float>,
                                  weight: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                  inputGradient: UnsafeMutablePointer<Float>?, weightGradient: UnsafeMutablePointer<Float>?,
                                  biasGradient: UnsafeMutablePointer<Float>?, keptInput: UnsafePointer<Float>?) {
        if weightGradient != nil || biasGradient != nil {
            let weightCount = Winograd3x3Kernel.positions * outChannels * inChannels
            let totals = UnsafeMutablePointer<Float>.allocate(capacity: weightCount + outChannels)
            defer { totals.deallocate() }
            totals.initialize(repeating: 0, count: weightCount + outChannels)
            let lock = NSLock()
            let shared = (input: SharedPointer(input), outputGradient: SharedPointer(outputGradient),
                          kept: SharedPointer(keptInput), totals: SharedPointer(totals))
            let (hasWeightGradient, hasBiasGradient) = (weightGradient != nil, biasGradient != nil)
            Parallel.parallelFor(0..<winograd.bandCount(batch: batch)) { bands in
                let (input, outputGradient) = (shared.input.readOnly, shared.outputGradient.readOnly)
                // Per-worker scratch, then this worker's weight and bias sums.
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: winograd.scratchCount + weightCount + outChannels)
                defer { scratch.deallocate() }
                let partialWeight = scratch + winograd.scratchCount, partialBias = partialWeight + weightCount
                partialWeight.initialize(repeating: 0, count: weightCount + outChannels)
                if hasWeightGradient {
                    winograd.accumulateWeightGradient(bands: bands, batch: batch, input: input, outputGradient: outputGradient,
                                                      kept: shared.kept.readOnlyAddress, into: partialWeight, scratch: scratch)
                }
                if hasBiasGradient {
                    for image in winograd.images(startingIn: bands, batch: batch) {
                        accumulateBiasGradient(outputGradient + image * outChannels * geometry.outputPlane, offset: 0,
                                               count: geometry.outputPlane, into: partialBias)
                    }
                }
                lock.withLock {
                    for k in 0..<weightCount + outChannels { shared.totals[k] += partialWeight[k] }
                }
            }
            if let weightGradient {
                Winograd3x3Kernel.weightGradient(totals, outChannels: outChannels, inChannels: inChannels, into: weightGradient)
            }
            biasGradient?.initialize(from: totals + weightCount, count: outChannels)
        }
        if let inputGradient {
            let adjoint = transposedWinograd(batch: batch)
            let flipped = transformedWeights(weight, flipped: true)
            let shared = (outputGradient: SharedPointer(outputGradient), inputGradient: SharedPointer(inputGradient))
            Parallel.parallelFor(0..<adjoint.bandCount(batch: batch)) { bands in
                let scratch = UnsafeMutablePointer<Float>.allocate(capacity: adjoint.scratchCount)
                defer { scratch.deallocate() }
                adjoint.forward(bands: bands, batch: batch, input: shared.outputGradient.readOnly, transformedWeight: flipped,
                                bias: nil, output: shared.inputGradient.pointer, scratch: scratch)
            }
        }
    }

    /// Adds `Σ gradient[channel plane][offset..<offset + count]` to `biasGradient[channel]` for every channel.
    private func accumulateBiasGradient(_ gradient: UnsafePointer<Float>, offset: Int, count: Int,
                                        into biasGradient: UnsafeMutablePointer<Float>) {
        for channel in 0..<outChannels {
            biasGradient[channel] += VectorSum.sum(gradient + channel * geometry.outputPlane + offset, count: count)
        }
    }

    /// The Winograd-transformed weights, flipped for the input gradient, as a scratch array.
    private func transformedWeights(_ weight: UnsafePointer<Float>, flipped: Bool) -> [Float] {
        [Float](unsafeUninitializedCapacity: Winograd3x3Kernel.positions * outChannels * inChannels) { buffer, count in
            Winograd3x3Kernel.transformedWeights(weight, outChannels: outChannels, inChannels: inChannels,
                                                 flipped: flipped, into: buffer.baseAddress!)
            count = buffer.count
        }
    }

    /// The stride-1 convolution mapping the output gradient to the input gradient: the kernel
    /// rotated by 180° with padding `2 − p` on each side, whose output has the input's size.
    private func transposedWinograd(batch: Int) -> Winograd3x3Kernel {
        func adjoint(_ axis: WindowAxis) -> WindowAxis {
            WindowAxis(inputSize: axis.outputSize, kernelSize: 3, stride: 1, dilation: 1,
                       padBefore: 2 - axis.padBefore, padAfter: 2 - axis.padAfter)
        }
        return Winograd3x3Kernel(inChannels: outChannels, outChannels: inChannels,
                                 geometry: WindowGeometry(height: adjoint(geometry.height), width: adjoint(geometry.width)),
                                 batch: batch, workers: Parallel.threadCount)
    }
}
