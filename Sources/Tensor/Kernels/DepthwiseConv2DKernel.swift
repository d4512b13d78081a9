/// Depthwise 2-D convolution (`groups == inChannels`: every input channel convolved with its own
/// `multiplier` filters) computed directly on the planes, for any kernel size, stride, padding and
/// dilation. Output channel `o` reads input channel `o / multiplier`, as PyTorch's grouped weights
/// `[channels · multiplier, 1, kh, kw]`.
///
/// The forward pass keeps 8 output columns in registers while it sums every tap. Columns whose
/// taps all fall inside the input (the interior) run vectorised; the few border columns next to the
/// padding run one at a time. With a column stride `s > 1` the input rows are first split into `s`
/// phases (columns `φ, φ + s, φ + 2s, …` contiguous), so the taps of neighbouring outputs are
/// neighbours again and every stride loads contiguous vectors. The backward passes walk the valid
/// outputs of each (output row, tap) pair: the input gradient scatters `w · dy`, the weight
/// gradient sums `dy · x`. Planes are split across `Parallel` workers: images × channels for the
/// forward pass and input gradient, output channels for the weight gradient (no reduction needed).
struct DepthwiseConv2DKernel {
    var channels: Int
    var multiplier: Int
    var geometry: WindowGeometry
    /// Per column tap `j`: where output column 0 would read in a phase-split row (interior only).
    private var tapOffsets: [Int]
    /// The output columns whose taps all read inside the input.
    private var interior: Range<Int>

    /// Output columns computed together in the vectorised interior.
    static let blockWidth = 8

    /// Whether the convolution is depthwise: one input channel per group, several groups.
    static func applies(inChannels: Int, groups: Int) -> Bool {
        groups > 1 && groups == inChannels
    }

    init(channels: Int, outChannels: Int, geometry: WindowGeometry) {
        self.channels = channels
        multiplier = outChannels / channels
        self.geometry = geometry
        let w = geometry.width
        let phaseStarts = (0..<w.stride).map { phase in
            (0..<phase).reduce(0) { start, previous in start + (w.inputSize - previous + w.stride - 1) / w.stride }
        }
        tapOffsets = (0..<w.kernelSize).map { tap in
            let first = tap * w.dilation - w.padBefore
            let shift = Self.floorDivision(first, w.stride)
            return phaseStarts[first - shift * w.stride] + shift
        }
        let lower = w.validOutputs(tap: 0).lowerBound, upper = w.validOutputs(tap: w.kernelSize - 1).upperBound
        interior = lower..<max(lower, upper)
    }

    var outChannels: Int { channels * multiplier }
    private var kernelArea: Int { geometry.kernelArea }

    /// Forward pass over `batch` consecutive images: `output = weight ⊛ input + bias`.
    func forward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>) {
        let (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        let splitsColumns = geometry.width.stride > 1
        Parallel.parallelFor(0..<batch * outChannels) { planes in
            let split = UnsafeMutablePointer<Float>.allocate(capacity: splitsColumns ? inputPlane : 0)
            defer { split.deallocate() }
            for plane in planes {
                let (image, channel) = plane.quotientAndRemainder(dividingBy: outChannels)
                let x = input + (image * channels + channel / multiplier) * inputPlane
                if splitsColumns { splitColumns(x, into: split) }
                forwardPlane(x, split: splitsColumns ? UnsafePointer(split) : x, filter: weight + channel * kernelArea,
                             bias: bias?[channel] ?? 0, output: output + plane * outputPlane)
            }
        }
    }

    /// Backward pass over `batch` images: overwrites `inputGradient` and (when given) sets
    /// `weightGradient` and `biasGradient` to the sums over the batch.
    func backward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                  outputGradient: UnsafePointer<Float>, inputGradient: UnsafeMutablePointer<Float>?,
                  weightGradient: UnsafeMutablePointer<Float>?, biasGradient: UnsafeMutablePointer<Float>?) {
        let (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        if let inputGradient {
            Parallel.parallelFor(0..<batch * channels) { planes in
                for plane in planes {
                    let dx = inputGradient + plane * inputPlane
                    dx.initialize(repeating: 0, count: inputPlane)
                    for channel in plane * multiplier..<(plane + 1) * multiplier {
                        let filter = weight + channel % outChannels * kernelArea
                        forEachTapRow { tap, inputOffset, outputOffset, count in
                            scatter(filter[tap], outputGradient + channel * outputPlane + outputOffset, count: count,
                                    into: dx + inputOffset)
                        }
                    }
                }
            }
        }
        guard weightGradient != nil || biasGradient != nil else { return }
        Parallel.parallelFor(0..<outChannels) { range in
            for channel in range {
                let filterGradient = weightGradient.map { $0 + channel * kernelArea }
                filterGradient?.initialize(repeating: 0, count: kernelArea)
                biasGradient?[channel] = 0
                for image in 0..<batch {
                    let dy = outputGradient + (image * outChannels + channel) * outputPlane
                    biasGradient?[channel] += VectorSum.sum(dy, count: outputPlane)
                    guard let filterGradient else { continue }
                    let x = input + (image * channels + channel / multiplier) * inputPlane
                    forEachTapRow { tap, inputOffset, outputOffset, count in
                        filterGradient[tap] += dot(dy + outputOffset, x + inputOffset, count: count)
                    }
                }
            }
        }
    }

    /// One output plane. `split` is the input plane with its columns split into phases (the input
    /// itself for stride 1); `input` is read as is by the border columns.
    private func forwardPlane(_ input: UnsafePointer<Float>, split: UnsafePointer<Float>, filter: UnsafePointer<Float>,
                              bias: Float, output: UnsafeMutablePointer<Float>) {
        let (h, w) = (geometry.height, geometry.width)
        let width = Self.blockWidth
        let vectorised = interior.count >= width ? interior : interior.lowerBound..<interior.lowerBound
        tapOffsets.withUnsafeBufferPointer { offsets in
            for row in 0..<h.outputSize {
                let taps = h.validTaps(output: row)
                let out = output + row * w.outputSize
                for column in 0..<vectorised.lowerBound {
                    out[column] = borderOutput(input, filter: filter, bias: bias, row: row, column: column, taps: taps)
                }
                var column = vectorised.lowerBound
                while column < vectorised.upperBound {
                    // The last block overlaps the previous one rather than leaving a scalar tail.
                    let start = min(column, vectorised.upperBound - width)
                    var sum = SIMD8<Float>(repeating: bias)
                    for i in taps {
                        let line = UnsafeRawPointer(split + h.inputIndex(output: row, tap: i) * w.inputSize)
                        let weights = filter + i * w.kernelSize
                        for j in 0..<w.kernelSize {
                            sum += weights[j] * line.loadUnaligned(fromByteOffset: (start + offsets[j]) * 4, as: SIMD8<Float>.self)
                        }
                    }
                    UnsafeMutableRawPointer(out + start).storeBytes(of: sum, as: SIMD8<Float>.self)
                    column = start + width
                }
                for column in vectorised.upperBound..<w.outputSize {
                    out[column] = borderOutput(input, filter: filter, bias: bias, row: row, column: column, taps: taps)
                }
            }
        }
    }

    /// One output next to the padding, checking every column tap.
    @inline(__always)
    private func borderOutput(_ input: UnsafePointer<Float>, filter: UnsafePointer<Float>, bias: Float,
                              row: Int, column: Int, taps: Range<Int>) -> Float {
        let (h, w) = (geometry.height, geometry.width)
        var sum = bias
        for i in taps {
            let line = input + h.inputIndex(output: row, tap: i) * w.inputSize
            for j in 0..<w.kernelSize {
                let x = w.inputIndex(output: column, tap: j)
                if x >= 0 && x < w.inputSize { sum += filter[i * w.kernelSize + j] * line[x] }
            }
        }
        return sum
    }

    /// Writes each row of `input` with its columns grouped by phase: `φ, φ + s, φ + 2s, …` for
    /// `φ = 0, …, s − 1`, where `s` is the column stride.
    private func splitColumns(_ input: UnsafePointer<Float>, into split: UnsafeMutablePointer<Float>) {
        let (rows, width, stride) = (geometry.height.inputSize, geometry.width.inputSize, geometry.width.stride)
        for row in 0..<rows {
            let (source, target) = (input + row * width, split + row * width)
            var index = 0
            for phase in 0..<stride {
                for column in Swift.stride(from: phase, to: width, by: stride) {
                    target[index] = source[column]
                    index += 1
                }
            }
        }
    }

    /// Calls `body(tap, inputOffset, outputOffset, count)` for every output row and kernel tap
    /// `tap = i · kw + j` with the `count` outputs of that row whose tap reads inside the input:
    /// they start at `outputOffset` in the output plane and read every `stride`-th input from
    /// `inputOffset` in the input plane.
    @inline(__always)
    private func forEachTapRow(_ body: (Int, Int, Int, Int) -> Void) {
        let (h, w) = (geometry.height, geometry.width)
        for row in 0..<h.outputSize {
            for i in h.validTaps(output: row) {
                let line = h.inputIndex(output: row, tap: i) * w.inputSize
                for j in 0..<w.kernelSize {
                    let valid = w.validOutputs(tap: j)
                    guard !valid.isEmpty else { continue }
                    body(i * w.kernelSize + j, line + w.inputIndex(output: valid.lowerBound, tap: j),
                         row * w.outputSize + valid.lowerBound, valid.count)
                }
            }
        }
    }

    /// `target[k · stride] += weight · source[k]` for `k < count`, `stride` the column stride.
    @inline(__always)
    private func scatter(_ weight: Float, _ source: UnsafePointer<Float>, count: Int,
                         into target: UnsafeMutablePointer<Float>) {
        let stride = geometry.width.stride
        if stride == 1 {
            for k in 0..<count { target[k] += weight * source[k] }
        } else {
            for k in 0..<count { target[k * stride] += weight * source[k] }
        }
    }

    /// `Σ gradient[k] · input[k · stride]` for `k < count`, `stride` the column stride.
    @inline(__always)
    private func dot(_ gradient: UnsafePointer<Float>, _ input: UnsafePointer<Float>, count: Int) -> Float {
        let stride = geometry.width.stride
        if stride == 1 {
            return VectorSum.sum(gradient, input, count: count, { $0 * $1 }, { $0 * $1 })
        }
        var sum: Float = 0
        for k in 0..<count { sum += gradient[k] * input[k * stride] }
        return sum
    }

    /// ⌊a / b⌋ for b > 0.
    private static func floorDivision(_ a: Int, _ b: Int) -> Int {
        a >= 0 ? a / b : -((-a + b - 1) / b)
    }
}

private extension WindowAxis {
    /// The kernel taps of output `output` that read inside the input (not padding).
    func validTaps(output: Int) -> Range<Int> {
        let start = output * stride - padBefore
        // start + t · dilation ≥ 0  and  start + t · dilation ≤ inputSize − 1
        let lower = start >= 0 ? 0 : (-start + dilation - 1) / dilation
        let last = inputSize - 1 - start
        let upper = last < 0 ? 0 : Swift.min(last / dilation + 1, kernelSize)
        return Swift.min(lower, kernelSize)..<Swift.max(Swift.min(lower, kernelSize), upper)
    }
}
