/// Max pooling of single `height × width` planes with any window, stride, padding and dilation, with
/// PyTorch's rules: ties go to the first maximum in row-major order and NaN wins; padding never wins
/// (it acts as −∞, also TensorFlow's "same" behaviour).
///
/// Separable and branch-free: each input row, padded with −∞, is reduced over the column windows
/// 8 outputs at a time, then those row results are combined down each row window. The update rule
/// (a later value wins when `value > best || value.isNaN`) is associative, so this equals PyTorch's
/// row-major scan of every window, argmax included.
struct MaxPoolKernel {
    typealias Lanes = SIMD8<Float>
    typealias Positions = SIMD8<Int32>

    let geometry: WindowGeometry
    /// The output width rounded up to whole vectors: the row results' stride.
    let paddedWidth: Int
    /// Columns of a −∞-padded input row that the column windows of `paddedWidth` outputs read.
    let rowLength: Int
    /// For each vector of outputs, the padded-row column of every output's first tap inside the input.
    let firstTaps: [Positions]

    init(geometry: WindowGeometry) {
        let axis = geometry.width
        self.geometry = geometry
        paddedWidth = (axis.outputSize + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
        rowLength = max(paddedWidth - 1, 0) * axis.stride + (axis.kernelSize - 1) * axis.dilation + 1
        firstTaps = stride(from: 0, to: paddedWidth, by: Lanes.scalarCount).map { block in
            var columns = Positions()
            for lane in 0..<Positions.scalarCount {
                columns[lane] = Int32(Self.window(axis, output: block + lane).start + axis.padBefore)
            }
            return columns
        }
    }

    /// Pools the consecutive planes `planes` of `input` into `output`, writing each window's maximum and,
    /// when `indices` is given, its flat position in its plane (for a window of only −∞, its first element
    /// inside the input). The scratch rows are allocated once for all the planes.
    func forward(planes: Range<Int>, input: UnsafePointer<Float>, output: UnsafeMutablePointer<Float>,
                 indices: UnsafeMutablePointer<Int32>?) {
        let rowResults = geometry.height.inputSize * paddedWidth
        let paddedRowCount = rowLength + 2 * Lanes.scalarCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: paddedRowCount + rowResults) { scratch in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: indices == nil ? 0 : rowResults) { rowArgmax in
                let paddedRow = scratch.baseAddress!, maxima = paddedRow + paddedRowCount
                // Only the input's columns are overwritten per row, so the padding stays −∞ for every plane.
                paddedRow.initialize(repeating: -.infinity, count: paddedRowCount)
                let argmax = indices == nil ? nil : rowArgmax.baseAddress!
                for plane in planes {
                    reduceColumns(input + plane * geometry.inputPlane, paddedRow: paddedRow, maxima: maxima, argmax: argmax)
                    reduceRows(maxima, argmax: argmax, output: output + plane * geometry.outputPlane,
                               indices: indices.map { $0 + plane * geometry.outputPlane })
                }
            }
        }
    }

    /// Writes the input gradient of one plane: each output gradient routed to the input position
    /// recorded by `forward`, zero elsewhere.
    static func backward(_ outputGradient: UnsafePointer<Float>, indices: UnsafePointer<Int32>,
                         geometry: WindowGeometry, inputGradient: UnsafeMutablePointer<Float>) {
        inputGradient.initialize(repeating: 0, count: geometry.inputPlane)
        for k in 0..<geometry.outputPlane { inputGradient[Int(indices[k])] += outputGradient[k] }
    }

    /// Every input row reduced over each column window into `maxima[row · paddedWidth + ow]` (lanes
    /// past the output width hold −∞) and, when `argmax` is given, the winners' flat positions.
    private func reduceColumns(_ input: UnsafePointer<Float>, paddedRow: UnsafeMutablePointer<Float>,
                               maxima: UnsafeMutablePointer<Float>, argmax: UnsafeMutablePointer<Int32>?) {
        let axis = geometry.width
        let copied = max(min(axis.inputSize, rowLength - axis.padBefore), 0)
        let steps = Positions(0, 1, 2, 3, 4, 5, 6, 7) &* Int32(axis.stride)
        for row in 0..<geometry.height.inputSize {
            (paddedRow + axis.padBefore).update(from: input + row * axis.inputSize, count: copied)
            let first = Int32(row * axis.inputSize - axis.padBefore)
            for block in stride(from: 0, to: paddedWidth, by: Lanes.scalarCount) {
                var best = Lanes(repeating: -.infinity)
                var winner = argmax == nil ? Positions() : Positions(repeating: first) &+ firstTaps[block / Lanes.scalarCount]
                for tap in 0..<axis.kernelSize {
                    let column = block * axis.stride + tap * axis.dilation
                    let value = Self.gather(paddedRow + column, stride: axis.stride)
                    let takesOver = (value .> best) .| (value .!= value)
                    best.replace(with: value, where: takesOver)
                    if argmax != nil {
                        winner.replace(with: Positions(repeating: first &+ Int32(column)) &+ steps, where: takesOver)
                    }
                }
                UnsafeMutableRawPointer(maxima + row * paddedWidth + block).storeBytes(of: best, as: Lanes.self)
                if let argmax {
                    UnsafeMutableRawPointer(argmax + row * paddedWidth + block).storeBytes(of: winner, as: Positions.self)
                }
            }
        }
    }

    /// The row results combined down each row window in scan order; the first `outputWidth` lanes of
    /// each output row are stored.
    private func reduceRows(_ maxima: UnsafePointer<Float>, argmax: UnsafePointer<Int32>?,
                            output: UnsafeMutablePointer<Float>, indices: UnsafeMutablePointer<Int32>?) {
        let (axis, width) = (geometry.height, geometry.width.outputSize)
        for oh in 0..<axis.outputSize {
            let (start, end) = Self.window(axis, output: oh)
            for block in stride(from: 0, to: width, by: Lanes.scalarCount) {
                let count = min(Lanes.scalarCount, width - block)
                var best = Lanes(repeating: -.infinity)
                var winner = argmax.map { Self.load(Positions.self, $0 + min(start, axis.inputSize - 1) * paddedWidth + block) }
                    ?? Positions()
                var row = start
                while row < end {
                    let value = Self.load(Lanes.self, maxima + row * paddedWidth + block)
                    let takesOver = (value .> best) .| (value .!= value)
                    best.replace(with: value, where: takesOver)
                    if let argmax {
                        winner.replace(with: Self.load(Positions.self, argmax + row * paddedWidth + block), where: takesOver)
                    }
                    row += axis.dilation
                }
                let target = oh * width + block
                for lane in 0..<count { output[target + lane] = best[lane] }
                if let indices { for lane in 0..<count { indices[target + lane] = winner[lane] } }
            }
        }
    }

    /// Lanes `base[0], base[stride], …, base[7 · stride]`.
    @inline(__always)
    private static func gather(_ base: UnsafePointer<Float>, stride: Int) -> Lanes {
        switch stride {
        case 1: return load(Lanes.self, base)
        case 2: return load(SIMD16<Float>.self, base).evenHalf
        default:
            var lanes = Lanes()
            for lane in 0..<Lanes.scalarCount { lanes[lane] = base[lane * stride] }
            return lanes
        }
    }

    @inline(__always)
    private static func load<V: SIMD>(_ type: V.Type, _ source: UnsafePointer<V.Scalar>) -> V {
        UnsafeRawPointer(source).loadUnaligned(as: V.self)
    }

    /// The input span of a dilated window clipped to the input, starting on a tap.
    @inline(__always)
    private static func window(_ axis: WindowAxis, output: Int) -> (start: Int, end: Int) {
        var start = output * axis.stride - axis.padBefore
        let end = min(start + (axis.kernelSize - 1) * axis.dilation + 1, axis.inputSize)
        while start < 0 { start += axis.dilation }
        return (start, end)
    }
}
