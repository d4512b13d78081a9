import ConcurrencySupport

/// Depthwise 2-D convolution (`groups == inChannels`: every input channel convolved with its own
/// `multiplier` filters) computed directly on the planes, for any kernel size, stride, padding and
/// dilation. Output channel `o` reads input channel `o / multiplier`, as PyTorch's grouped weights
/// `[channels · multiplier, 1, kh, kw]`.
///
/// The forward pass first copies each input row with its column padding (zeros) and its columns
/// split into `s` phases for a column stride `s` (padded columns `φ, φ + s, φ + 2s, …` contiguous),
/// so that the taps of neighbouring outputs are neighbours in memory for every stride and no output
/// needs a bounds check. It then keeps 8 output columns in registers while it sums every tap; rows
/// of taps that fall in the row padding are skipped. The backward passes use the same layout, one
/// contiguous output row per (row, tap) pair: the weight gradient sums `dy · x` over the padded
/// input, the input gradient adds `w · dy` into a padded gradient that is then folded back (the
/// adjoint of the padding copy). Planes are split across `Parallel` workers: images × channels for
/// the forward pass and the input gradient, output channels for the weight gradient (no reduction).
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
        let shared = (input: SharedPointer(input), weight: SharedPointer(weight), bias: SharedPointer(bias),
                      output: SharedPointer(output))
        Parallel.parallelFor(0..<batch * outChannels) { planes in
            let (input, weight, bias, output) = (shared.input.readOnly, shared.weight.readOnly, shared.bias.readOnlyAddress,
                                                 shared.output.pointer)
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
        let (inputPlane, outputPlane, outputWidth) = (geometry.inputPlane, geometry.outputPlane, geometry.width.outputSize)
        let paddedPlane = geometry.height.inputSize * paddedRow
        let shared = (input: SharedPointer(input), weight: SharedPointer(weight), outputGradient: SharedPointer(outputGradient),
                      inputGradient: SharedPointer(inputGradient), weightGradient: SharedPointer(weightGradient),
                      biasGradient: SharedPointer(biasGradient))
        if inputGradient != nil {
            Parallel.parallelFor(0..<batch * channels) { planes in
                let (weight, outputGradient, inputGradient) = (shared.weight.readOnly, shared.outputGradient.readOnly,
                                                               shared.inputGradient.pointer)
                let padded = UnsafeMutablePointer<Float>.allocate(capacity: paddedPlane)
                defer { padded.deallocate() }
                for plane in planes {
                    padded.initialize(repeating: 0, count: paddedPlane)
                    for channel in plane * multiplier..<(plane + 1) * multiplier {
                        let (filter, dy) = (weight + channel % outChannels * kernelArea, outputGradient + channel * outputPlane)
                        forEachTapLine { row, tap, offset in
                            let (source, target, w) = (dy + row * outputWidth, padded + offset, filter[tap])
                            for k in 0..<outputWidth { target[k] += w * source[k] }
                        }
                    }
                    unpad(padded, into: inputGradient + plane * inputPlane)
                }
            }
        }
        guard weightGradient != nil || biasGradient != nil else { return }
        Parallel.parallelFor(0..<outChannels) { range in
            let (input, outputGradient) = (shared.input.readOnly, shared.outputGradient.readOnly)
            let (weightGradient, biasGradient) = (shared.weightGradient.address, shared.biasGradient.address)
            let padded = UnsafeMutablePointer<Float>.allocate(capacity: weightGradient == nil ? 0 : paddedPlane)
            defer { padded.deallocate() }
            for channel in range {
                let filterGradient = weightGradient.map { $0 + channel * kernelArea }
                filterGradient?.initialize(repeating: 0, count: kernelArea)
                biasGradient?[channel] = 0
                for image in 0..<batch {
                    let dy = outputGradient + (image * outChannels + channel) * outputPlane
                    biasGradient?[channel] += VectorSum.sum(dy, count: outputPlane)
                    guard let filterGradient else { continue }
                    pad(input + (image * channels + channel / multiplier) * inputPlane, into: padded)
                    forEachTapLine { row, tap, offset in
                        filterGradient[tap] += VectorSum.sum(dy + row * outputWidth, padded + offset, count: outputWidth,
                                                             { $0 * $1 }, { $0 * $1 })
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
        let stride = geometry.width.stride
        forEachPhaseRow { inputOffset, paddedOffset, kept in
            let (source, target) = (input + inputOffset, padded + paddedOffset)
            target.initialize(repeating: 0, count: kept.lowerBound)
            if stride == 1 {
                (target + kept.lowerBound).initialize(from: source, count: kept.count)
            } else {
                for k in 0..<kept.count { target[kept.lowerBound + k] = source[k * stride] }
            }
            (target + kept.upperBound).initialize(repeating: 0, count: phaseLength - kept.upperBound)
        }
    }

    /// The adjoint of `pad`: writes the input gradient plane from the gradient of its padded copy
    /// (the padding's share is dropped; columns no window reaches get 0).
    private func unpad(_ padded: UnsafePointer<Float>, into inputGradient: UnsafeMutablePointer<Float>) {
        let stride = geometry.width.stride
        inputGradient.initialize(repeating: 0, count: geometry.inputPlane)
        forEachPhaseRow { inputOffset, paddedOffset, kept in
            let (source, target) = (padded + paddedOffset + kept.lowerBound, inputGradient + inputOffset)
            for k in 0..<kept.count { target[k * stride] = source[k] }
        }
    }

    /// Calls `body(inputOffset, paddedOffset, kept)` for every input row and column phase: elements
    /// `kept` of the phase, starting at `paddedOffset` in the padded plane, hold the input columns read
    /// every `stride` from `inputOffset` in the input plane; the others are padding.
    @inline(__always)
    private func forEachPhaseRow(_ body: (Int, Int, Range<Int>) -> Void) {
        let w = geometry.width
        for phase in 0..<w.stride {
            // Element k of the phase holds input column k · s + phase − padBefore.
            func firstElement(reaching column: Int) -> Int {
                min(max((column + w.padBefore - phase + w.stride - 1) / w.stride, 0), phaseLength)
            }
            let kept = firstElement(reaching: 0)..<max(firstElement(reaching: 0), firstElement(reaching: w.inputSize))
            let first = kept.lowerBound * w.stride + phase - w.padBefore
            for row in 0..<geometry.height.inputSize {
                body(row * w.inputSize + first, row * paddedRow + phase * phaseLength, kept)
            }
        }
    }

    /// Calls `body(row, tap, offset)` for every output row and kernel tap `tap = i · kw + j` whose
    /// row `i` reads inside the input: output column `k` of that row reads element `offset + k` of
    /// the padded plane.
    @inline(__always)
    private func forEachTapLine(_ body: (Int, Int, Int) -> Void) {
        let (h, w) = (geometry.height, geometry.width)
        for row in 0..<h.outputSize {
            for i in h.validTaps(output: row) {
                let line = h.inputIndex(output: row, tap: i) * paddedRow
                for j in 0..<w.kernelSize { body(row, i * w.kernelSize + j, line + tapOffsets[j]) }
            }
        }
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
