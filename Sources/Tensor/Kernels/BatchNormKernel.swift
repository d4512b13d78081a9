/// Per-channel loops of batch normalisation over a `[batch, channels, spatial]` layout (NCHW with
/// the spatial axes flattened). Each method handles one channel so callers can run channels in
/// parallel. Sums are vectorised within rows and accumulated across rows in `Double`.
struct BatchNormKernel {
    var batch: Int
    var channels: Int
    var spatial: Int

    /// Elements per channel.
    var reductionSize: Int { batch * spatial }

    /// Mean and biased variance of one channel (two passes, for accuracy).
    func statistics(_ input: UnsafePointer<Float>, channel: Int) -> (mean: Double, variance: Double) {
        let mean = sum(channel) { row in VectorSum.sum(input + row, count: spatial) } / Double(reductionSize)
        let center = Float(mean), centers = SIMD8<Float>(repeating: center)
        let squares = sum(channel) { row in
            VectorSum.sum(input + row, input + row, count: spatial,
                          { x, _ in (x - centers) * (x - centers) }, { x, _ in (x - center) * (x - center) })
        }
        return (mean, squares / Double(reductionSize))
    }

    /// `Σ dy` and `Σ dy · (x − mean)` over one channel, in one pass: the reductions of the backward pass.
    func gradientSums(_ input: UnsafePointer<Float>, _ outputGradient: UnsafePointer<Float>, channel: Int,
                      mean: Float) -> (gradient: Double, gradientTimesCentered: Double) {
        let means = SIMD8<Float>(repeating: mean)
        var totals = (0.0, 0.0)
        for n in 0..<batch {
            let row = (n * channels + channel) * spatial
            let rowSums = VectorSum.sums(outputGradient + row, input + row, count: spatial,
                                         { dy, _ in dy }, { dy, x in dy * (x - means) },
                                         { dy, _ in dy }, { dy, x in dy * (x - mean) })
            totals.0 += Double(rowSums.0)
            totals.1 += Double(rowSums.1)
        }
        return totals
    }

    /// `output = scale · first + offset · second + shift` over one channel; with `second` nil the
    /// middle term is dropped. Normalisation applies `(scale, nil, shift)` to the input; the input
    /// gradient applies `(α, x, γ)` to the output gradient.
    func affine(_ first: UnsafePointer<Float>, scale: Float, _ second: UnsafePointer<Float>?, offset: Float,
                shift: Float, channel: Int, into output: UnsafeMutablePointer<Float>) {
        for n in 0..<batch {
            let row = (n * channels + channel) * spatial
            let a = first + row, y = output + row
            if let second {
                let b = second + row
                for i in 0..<spatial { y[i] = scale * a[i] + offset * b[i] + shift }
            } else {
                for i in 0..<spatial { y[i] = scale * a[i] + shift }
            }
        }
    }

    /// Σ over the rows of one channel of `rowTotal(rowOffset)`.
    @inline(__always)
    private func sum(_ channel: Int, _ rowTotal: (Int) -> Float) -> Double {
        var total = 0.0
        for n in 0..<batch { total += Double(rowTotal((n * channels + channel) * spatial)) }
        return total
    }
}
