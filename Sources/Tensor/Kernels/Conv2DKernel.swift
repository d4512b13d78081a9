import Foundation
import COpenBLAS

/// Grouped 2-D convolution of one NCHW image at a time by im2col + `cblas_sgemm`.
///
/// The output is produced in bands of `bandRows` output rows so that the column matrix of a band
/// (and the matching output band) stays in cache. Pointwise convolutions (1×1, stride 1, no
/// padding) skip the unfolding: the input image is already its own column matrix.
/// Weights are `[outChannels, inChannels / groups, kh, kw]`, as PyTorch's.
struct Conv2DKernel {
    var inChannels: Int
    var outChannels: Int
    var groups: Int
    var geometry: WindowGeometry
    /// Output rows per band.
    var bandRows: Int

    /// Floats of column matrix plus output band kept in cache per band.
    static let bandBudget = 96 * 1024

    init(inChannels: Int, outChannels: Int, groups: Int, geometry: WindowGeometry) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.groups = groups
        self.geometry = geometry
        let rowFloats = (inChannels * geometry.kernelArea + outChannels) * geometry.width.outputSize
        bandRows = min(max(Self.bandBudget / max(rowFloats, 1), 1), max(geometry.height.outputSize, 1))
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

    /// `output = weight ⊛ input + bias` for one image.
    func forward(input: UnsafePointer<Float>, weight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>, columns: UnsafeMutablePointer<Float>) {
        let plane = geometry.outputPlane
        for bandStart in bands {
            let rows = bandStart..<min(bandStart + bandRows, geometry.height.outputSize)
            let (matrix, stride) = columnMatrix(input, rows: rows, scratch: columns)
            let offset = rows.lowerBound * geometry.width.outputSize
            let width = rows.count * geometry.width.outputSize
            if let bias {
                for channel in 0..<outChannels {
                    (output + channel * plane + offset).update(repeating: bias[channel], count: width)
                }
            }
            for group in 0..<groups {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans,
                            Int32(groupOutChannels), Int32(width), Int32(patchSize),
                            1, weight + group * groupOutChannels * patchSize, Int32(patchSize),
                            matrix + group * patchSize * stride, Int32(stride),
                            bias == nil ? 0 : 1,
                            output + group * groupOutChannels * plane + offset, Int32(plane))
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
                  columns: UnsafeMutablePointer<Float>, columnGradients: UnsafeMutablePointer<Float>) {
        let plane = geometry.outputPlane
        if let inputGradient, !isPointwise {
            inputGradient.update(repeating: 0, count: inChannels * geometry.inputPlane)
        }
        for bandStart in bands {
            let rows = bandStart..<min(bandStart + bandRows, geometry.height.outputSize)
            let offset = rows.lowerBound * geometry.width.outputSize
            let width = rows.count * geometry.width.outputSize
            if let biasGradient {
                for channel in 0..<outChannels {
                    biasGradient[channel] += VectorSum.sum(outputGradient + channel * plane + offset, count: width)
                }
            }
            if let weightGradient {
                let (matrix, stride) = columnMatrix(input, rows: rows, scratch: columns)
                for group in 0..<groups {
                    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans,
                                Int32(groupOutChannels), Int32(patchSize), Int32(width),
                                1, outputGradient + group * groupOutChannels * plane + offset, Int32(plane),
                                matrix + group * patchSize * stride, Int32(stride),
                                1, weightGradient + group * groupOutChannels * patchSize, Int32(patchSize))
                }
            }
            if let inputGradient {
                let (target, stride) = isPointwise
                    ? (inputGradient + offset, plane) : (columnGradients, width)
                for group in 0..<groups {
                    cblas_sgemm(CblasRowMajor, CblasTrans, CblasNoTrans,
                                Int32(patchSize), Int32(width), Int32(groupOutChannels),
                                1, weight + group * groupOutChannels * patchSize, Int32(patchSize),
                                outputGradient + group * groupOutChannels * plane + offset, Int32(plane),
                                0, target + group * patchSize * stride, Int32(stride))
                }
                if !isPointwise {
                    Im2Col.fold(columnGradients, channels: inChannels, geometry: geometry, rows: rows,
                                into: inputGradient)
                }
            }
        }
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
    /// Forward pass over `batch` consecutive images, images split across `Parallel` workers.
    func forward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>) {
        let (inputImage, outputImage) = (inChannels * geometry.inputPlane, outChannels * geometry.outputPlane)
        Parallel.parallelFor(0..<batch) { images in
            let columns = UnsafeMutablePointer<Float>.allocate(capacity: max(columnCapacity, 1))
            defer { columns.deallocate() }
            for image in images {
                forward(input: input + image * inputImage, weight: weight, bias: bias,
                        output: output + image * outputImage, columns: columns)
            }
        }
    }

    /// Backward pass over `batch` images: overwrites `inputGradient` and (when given) sets
    /// `weightGradient` and `biasGradient` to the sums over the batch.
    func backward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                  weightGradient: UnsafeMutablePointer<Float>?, biasGradient: UnsafeMutablePointer<Float>?) {
        let (inputImage, outputImage) = (inChannels * geometry.inputPlane, outChannels * geometry.outputPlane)
        let weightCount = outChannels * patchSize
        weightGradient?.initialize(repeating: 0, count: weightCount)
        biasGradient?.initialize(repeating: 0, count: outChannels)
        let lock = NSLock()
        Parallel.parallelFor(0..<batch) { images in
            // Per-worker scratch: two column matrices, then this worker's weight and bias sums.
            let scratchCount = 2 * columnCapacity + weightCount + outChannels
            let scratch = UnsafeMutablePointer<Float>.allocate(capacity: max(scratchCount, 1))
            defer { scratch.deallocate() }
            let (columns, columnGradients) = (scratch, scratch + columnCapacity)
            let partialWeight = scratch + 2 * columnCapacity, partialBias = partialWeight + weightCount
            partialWeight.initialize(repeating: 0, count: weightCount + outChannels)
            for image in images {
                backward(input: input + image * inputImage, weight: weight,
                         outputGradient: outputGradient + image * outputImage,
                         inputGradient: inputGradient.map { $0 + image * inputImage },
                         weightGradient: weightGradient == nil ? nil : partialWeight,
                         biasGradient: biasGradient == nil ? nil : partialBias,
                         columns: columns, columnGradients: columnGradients)
            }
            lock.withLock {
                weightGradient.map { total in for k in 0..<weightCount { total[k] += partialWeight[k] } }
                biasGradient.map { total in for k in 0..<outChannels { total[k] += partialBias[k] } }
            }
        }
    }
}
