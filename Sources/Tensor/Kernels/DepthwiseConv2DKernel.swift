/// Depthwise 2-D convolution (`groups == inChannels`: every input channel convolved with its own
/// `multiplier` filters) computed directly on the planes, for any kernel size, stride, padding and
/// dilation. Output channel `o` reads input channel `o / multiplier`, as PyTorch's grouped weights
/// `[channels · multiplier, 1, kh, kw]`.
///
/// The forward pass first copies each input row with its column padding (zeros) and its columns
/// split into `s` phases for a column stride `s` (padded columns `φ, φ + s, φ + 2s, …` contiguous),
/// so that the taps of neighbouring outputs are neighbours in memory for every stride and no output
/// needs a bounds check. It then keeps 8 output columns in registers while it sums every tap; rows
/// of taps that fall in the row padding are skipped. The backward passes walk the valid outputs of
/// each (output row, tap) pair: the input gradient scatters `w · dy`, the weight gradient sums
/// `dy · x`. Planes are split across `Parallel` workers: images × channels for the forward pass and
/// the input gradient, output channels for the weight gradient (no reduction needed).
struct DepthwiseConv2DKernel {
    var channels: Int
    var multiplier: Int
    var geometry: WindowGeometry
    /// Elements per phase of a padded row: the output columns rounded up to whole blocks plus the
    /// kernel's reach.
    private var phaseLength: Int
    /// Per column tap `j`: where output column 0 reads in a padded row, `phase · phaseLength + shift`.
    private var tapOffsets: [Int]

    /// Output columns computed together.
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
        let blocks = (w.outputSize + Self.blockWidth - 1) / Self.blockWidth
        phaseLength = blocks * Self.blockWidth + (w.kernelSize - 1) * w.dilation / w.stride
        tapOffsets = (0..<w.kernelSize).map { [phaseLength] tap in
            let reach = tap * w.dilation
            return reach % w.stride * phaseLength + reach / w.stride
        }
    }

    var outChannels: Int { channels * multiplier }
    private var kernelArea: Int { geometry.kernelArea }
    /// Floats of one padded, phase-split row.
    private var paddedRow: Int { geometry.width.stride * phaseLength }

    /// Forward pass over `batch` consecutive images: `output = weight ⊛ input + bias`.
    func forward(batch: Int, input: UnsafePointer<Float>, weight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>) {
        let (inputPlane, outputPlane) = (geometry.inputPlane, geometry.outputPlane)
        Parallel.parallelFor(0..<batch * outChannels) { planes in
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: geometry.height.inputSize * paddedRow)
            defer { padded.deallocate() }
            var loaded = -1
            for plane in planes {
                let (image, channel) = plane.quotientAndRemainder(dividingBy: outChannels)
                let source = image * channels + channel / multiplier
                if source != loaded {
                    pad(input + source * inputPlane, into: padded)
                    loaded = source
                }
                forwardPlane(padded, filter: weight + channel * kernelArea, bias: bias?[channel] ?? 0,
                             output: output + plane * outputPlane)
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

    /// One output plane from the padded, phase-split input plane `padded`.
    private func forwardPlane(_ padded: UnsafePointer<Float>, filter: UnsafePointer<Float>, bias: Float,
                              output: UnsafeMutablePointer<Float>) {
        let (h, w) = (geometry.height, geometry.width)
        let width = Self.blockWidth
        tapOffsets.withUnsafeBufferPointer { offsets in
            for row in 0..<h.outputSize {
                let taps = h.validTaps(output: row)
                let out = output + row &* w.outputSize
                for start in Swift.stride(from: 0, to: w.outputSize, by: width) {
                    var sum = SIMD8<Float>(repeating: bias)
                    for i in taps {
                        let line = padded + (h.inputIndex(output: row, tap: i) &* paddedRow &+ start)
                        let weights = filter + i &* w.kernelSize
                        for j in 0..<w.kernelSize {
                            sum += weights[j] * UnsafeRawPointer(line + offsets[j]).loadUnaligned(as: SIMD8<Float>.self)
                        }
                    }
                    if start + width <= w.outputSize {
                        UnsafeMutableRawPointer(out + start).storeBytes(of: sum, as: SIMD8<Float>.self)
                    } else {
                        for lane in 0..<w.outputSize - start { out[start + lane] = sum[lane] }
                    }
                }
            }
        }
    }

    /// Writes each row of `input` with its column padding as zeros, split into phases: padded
    /// columns `φ, φ + s, φ + 2s, …` at `φ · phaseLength` for `φ = 0, …, s − 1`, `s` the column stride.
    private func pad(_ input: UnsafePointer<Float>, into padded: UnsafeMutablePointer<Float>) {
        let w = geometry.width
        for phase in 0..<w.stride {
            // Elements k of the phase hold input column k · s + phase − padBefore: inside for k in kept.
            func firstElement(reaching column: Int) -> Int {
                min(max((column + w.padBefore - phase + w.stride - 1) / w.stride, 0), phaseLength)
            }
            let kept = firstElement(reaching: 0)..<max(firstElement(reaching: 0), firstElement(reaching: w.inputSize))
            let first = kept.lowerBound * w.stride + phase - w.padBefore
            for row in 0..<geometry.height.inputSize {
                let (source, target) = (input + row * w.inputSize + first, padded + row * paddedRow + phase * phaseLength)
                target.initialize(repeating: 0, count: kept.lowerBound)
                if w.stride == 1 {
                    (target + kept.lowerBound).initialize(from: source, count: kept.count)
                } else {
                    for k in 0..<kept.count { target[kept.lowerBound + k] = source[k * w.stride] }
                }
                (target + kept.upperBound).initialize(repeating: 0, count: phaseLength - kept.upperBound)
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
