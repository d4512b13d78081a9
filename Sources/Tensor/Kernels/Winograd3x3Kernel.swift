import COpenBLAS

/// 3×3, stride-1 convolution by Winograd's F(2×2, 3×3) algorithm: 16 multiplications per 2×2
/// output tile and channel pair instead of 36, as batched `cblas_sgemm` over the 16 transformed
/// positions.
///
/// `Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A` for each 4×4 input patch `d` (tiles overlap by 2); the weight
/// gradient is `Gᵀ[Σ (A dY Aᵀ) ⊙ (Bᵀ d B)]G`. Output tiles are processed in bands of tile rows so the
/// transformed matrices stay in cache.
struct Winograd3x3Kernel {
    var inChannels: Int
    var outChannels: Int
    var geometry: WindowGeometry
    var tileColumns: Int
    var tileRows: Int
    /// Tile rows per band.
    var bandRows: Int

    /// Floats of transformed input and products per band (measured best between 128 and 768 Ki).
    static let bandBudget = 256 * 1024

    init(inChannels: Int, outChannels: Int, geometry: WindowGeometry) {
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.geometry = geometry
        tileRows = (geometry.height.outputSize + 1) / 2
        tileColumns = (geometry.width.outputSize + 1) / 2
        precondition(Self.applies(to: geometry), "Winograd3x3Kernel: unsupported geometry \(geometry)")
        let floatsPerTileRow = 16 * (inChannels + outChannels) * tileColumns
        bandRows = min(max(Self.bandBudget / max(floatsPerTileRow, 1), 1), max(tileRows, 1))
    }

    /// Whether the algorithm applies: 3×3 kernel, stride 1, no dilation, padding at most 2 per side,
    /// output at least `minimumWidth` wide.
    static func applies(to geometry: WindowGeometry) -> Bool {
        geometry.width.outputSize >= minimumWidth && [geometry.height, geometry.width].allSatisfy {
            $0.kernelSize == 3 && $0.stride == 1 && $0.dilation == 1 && $0.padBefore <= 2 && $0.padAfter <= 2
        }
    }

    /// Narrowest output handled: four tiles, one SIMD group.
    static let minimumWidth = 7

    /// Floats of scratch per worker: transformed input band and products.
    var scratchCount: Int { 16 * (inChannels + outChannels) * bandRows * tileColumns }

    /// `U = G g Gᵀ` for every (out, in) channel pair, laid out `[16][outChannels][inChannels]`;
    /// with `flipped`, for the input gradient: the kernel rotated by 180° and its channels swapped.
    static func transformedWeights(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                                   flipped: Bool, into transformed: UnsafeMutablePointer<Float>) {
        let (rows, columns) = flipped ? (inChannels, outChannels) : (outChannels, inChannels)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                let g = weight + (o * inChannels + i) * 9
                func row(_ r: Int) -> SIMD4<Float> {
                    flipped ? SIMD4(g[8 - 3 * r], g[7 - 3 * r], g[6 - 3 * r], 0) : SIMD4(g[3 * r], g[3 * r + 1], g[3 * r + 2], 0)
                }
                // G along the columns (lanes: kernel columns), then along the rows (lanes: U rows).
                let left = kernelTransform(row(0), row(1), row(2))
                let u = kernelTransform(column(0, of: left), column(1, of: left), column(2, of: left))
                let (row, column) = flipped ? (i, o) : (o, i)
                for position in 0..<16 {
                    transformed[(position * rows + row) * columns + column] = u[position % 4][position / 4]
                }
            }
        }
    }

    /// `output = conv(input) + bias` for one image; `transformedWeight` from `transformedWeights`.
    func forward(input: UnsafePointer<Float>, transformedWeight: UnsafePointer<Float>, bias: UnsafePointer<Float>?,
                 output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        for bandStart in stride(from: 0, to: tileRows, by: bandRows) {
            let band = bandStart..<min(bandStart + bandRows, tileRows)
            let tiles = band.count * tileColumns
            let (transformedInput, products) = (scratch, scratch + 16 * inChannels * tiles)
            transformInput(input, band: band, into: transformedInput)
            for position in 0..<16 {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, Int32(outChannels), Int32(tiles),
                            Int32(inChannels), 1, transformedWeight + position * outChannels * inChannels,
                            Int32(inChannels), transformedInput + position * inChannels * tiles, Int32(tiles),
                            0, products + position * outChannels * tiles, Int32(tiles))
            }
            transformOutput(products, band: band, bias: bias, into: output)
        }
    }

    /// Adds this image's `Σ (A dY Aᵀ) ⊙ (Bᵀ d B)` to `transformedGradient` (`[16][out][in]`).
    func accumulateWeightGradient(input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                  into transformedGradient: UnsafeMutablePointer<Float>,
                                  scratch: UnsafeMutablePointer<Float>) {
        for bandStart in stride(from: 0, to: tileRows, by: bandRows) {
            let band = bandStart..<min(bandStart + bandRows, tileRows)
            let tiles = band.count * tileColumns
            let (transformedInput, transformedGradientBand) = (scratch, scratch + 16 * inChannels * tiles)
            transformInput(input, band: band, into: transformedInput)
            transformOutputGradient(outputGradient, band: band, into: transformedGradientBand)
            for position in 0..<16 {
                cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(outChannels), Int32(inChannels),
                            Int32(tiles), 1, transformedGradientBand + position * outChannels * tiles, Int32(tiles),
                            transformedInput + position * inChannels * tiles, Int32(tiles),
                            1, transformedGradient + position * outChannels * inChannels, Int32(inChannels))
            }
        }
    }

    /// `dW = Gᵀ dU G` for every channel pair, from the summed `[16][out][in]` transformed gradient.
    static func weightGradient(_ transformed: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                               into weightGradient: UnsafeMutablePointer<Float>) {
        let pairs = outChannels * inChannels
        for pair in 0..<pairs {
            func row(_ r: Int) -> SIMD4<Float> {
                SIMD4(transformed[4 * r * pairs + pair], transformed[(4 * r + 1) * pairs + pair],
                      transformed[(4 * r + 2) * pairs + pair], transformed[(4 * r + 3) * pairs + pair])
            }
            // Gᵀ along the columns (lanes: dU columns), then along the rows (lanes: dW rows).
            let left = gradientKernelTransform(row(0), row(1), row(2), row(3))
            let g = gradientKernelTransform(column(0, of: left), column(1, of: left), column(2, of: left),
                                            column(3, of: left))
            for k in 0..<9 { weightGradient[pair * 9 + k] = g[k % 3][k / 3] }
        }
    }

    // MARK: Transforms
    //
    // The tile transforms work on four horizontally adjacent tiles at once, one SIMD lane per tile:
    // element (i, j) of the four tiles' transforms is one `SIMD4`, stored contiguously at transformed
    // position 4i + j. Rows are read and written as 8-element segments (the four tiles' 2-wide
    // steps), split into even and odd elements.

    /// Calls `body(tileRow, firstTile, tileOffset)` for every group of four tiles of `band`, where
    /// `tileOffset` is the group's index in the band's `[tiles]` axis. When `tileColumns` is not a
    /// multiple of 4 the last group of a row overlaps the one before (its tiles are done twice, identically).
    @inline(__always)
    private func forEachTileGroup(in band: Range<Int>, _ body: (Int, Int, Int) -> Void) {
        for tileRow in band {
            let rowOffset = (tileRow - band.lowerBound) * tileColumns
            for first in stride(from: 0, through: tileColumns - 4, by: 4) { body(tileRow, first, rowOffset + first) }
            if tileColumns % 4 != 0 { body(tileRow, tileColumns - 4, rowOffset + tileColumns - 4) }
        }
    }

    /// `Bᵀ d B` of the 4×4 patch of every tile of `band` and channel, as `[16][inChannels][tiles]`.
    private func transformInput(_ input: UnsafePointer<Float>, band: Range<Int>,
                                into transformed: UnsafeMutablePointer<Float>) {
        let (h, w) = (geometry.height, geometry.width)
        let segments = PlaneSegments(height: h.inputSize, width: w.inputSize)
        let tiles = band.count * tileColumns
        let stride = inChannels * tiles
        for channel in 0..<inChannels {
            let plane = input + channel * geometry.inputPlane
            let target = transformed + channel * tiles
            forEachTileGroup(in: band) { tileRow, first, offset in
                let (top, left) = (2 * tileRow - h.padBefore, 2 * first - w.padBefore)
                // Row r of the four patches, Bᵀ applied along it (lanes: tiles).
                func row(_ r: Int) -> Quad {
                    let low = segments.load(plane, row: top + r, column: left)
                    let high = segments.load(plane, row: top + r, column: left + 2)
                    return Self.inputTransform(low.evenHalf, low.oddHalf, high.evenHalf, high.oddHalf)
                }
                let rows = (row(0), row(1), row(2), row(3))
                for j in 0..<4 {
                    let t = Self.inputTransform(rows.0[j], rows.1[j], rows.2[j], rows.3[j])
                    for i in 0..<4 { Self.store(t[i], at: target + (4 * i + j) * stride + offset) }
                }
            }
        }
    }

    /// `Aᵀ m A` of every tile's 16 products plus the bias, written where the 2×2 outputs exist.
    private func transformOutput(_ products: UnsafePointer<Float>, band: Range<Int>, bias: UnsafePointer<Float>?,
                                 into output: UnsafeMutablePointer<Float>) {
        let segments = PlaneSegments(height: geometry.height.outputSize, width: geometry.width.outputSize)
        let tiles = band.count * tileColumns
        let stride = outChannels * tiles
        for channel in 0..<outChannels {
            let plane = output + channel * geometry.outputPlane
            let source = products + channel * tiles
            let offset = SIMD4(repeating: bias?[channel] ?? 0)
            forEachTileGroup(in: band) { tileRow, first, tile in
                // Aᵀ down each column j of the products (lanes: tiles), then along the two rows.
                func column(_ j: Int) -> (SIMD4<Float>, SIMD4<Float>) {
                    func m(_ i: Int) -> SIMD4<Float> { Self.load(source + (4 * i + j) * stride + tile) }
                    return Self.outputTransform(m(0), m(1), m(2), m(3))
                }
                let columns = (column(0), column(1), column(2), column(3))
                let top = Self.outputTransform(columns.0.0, columns.1.0, columns.2.0, columns.3.0)
                let bottom = Self.outputTransform(columns.0.1, columns.1.1, columns.2.1, columns.3.1)
                segments.store(Self.interleave(top.0 + offset, top.1 + offset), into: plane,
                               row: 2 * tileRow, column: 2 * first)
                segments.store(Self.interleave(bottom.0 + offset, bottom.1 + offset), into: plane,
                               row: 2 * tileRow + 1, column: 2 * first)
            }
        }
    }

    /// `A dY Aᵀ` of every tile's 2×2 output gradient (zero beyond the output), as `[16][outChannels][tiles]`.
    private func transformOutputGradient(_ gradient: UnsafePointer<Float>, band: Range<Int>,
                                         into transformed: UnsafeMutablePointer<Float>) {
        let segments = PlaneSegments(height: geometry.height.outputSize, width: geometry.width.outputSize)
        let tiles = band.count * tileColumns
        let stride = outChannels * tiles
        for channel in 0..<outChannels {
            let plane = gradient + channel * geometry.outputPlane
            let target = transformed + channel * tiles
            forEachTileGroup(in: band) { tileRow, first, offset in
                let top = segments.load(plane, row: 2 * tileRow, column: 2 * first)
                let bottom = segments.load(plane, row: 2 * tileRow + 1, column: 2 * first)
                // A down the two columns of the tiles, then along each of the four rows.
                let left = Self.gradientTransform(top.evenHalf, bottom.evenHalf)
                let right = Self.gradientTransform(top.oddHalf, bottom.oddHalf)
                for i in 0..<4 {
                    let t = Self.gradientTransform(left[i], right[i])
                    for j in 0..<4 { Self.store(t[j], at: target + (4 * i + j) * stride + offset) }
                }
            }
        }
    }

    /// Four vectors: the four elements of one row or column of a transform, one lane per tile (or
    /// per kernel row or column in the weight transforms).
    private typealias Quad = InlineArray<4, SIMD4<Float>>

    /// `Bᵀ x`: `(x0 − x2, x1 + x2, x2 − x1, x1 − x3)`.
    @inline(__always)
    private static func inputTransform(_ x0: SIMD4<Float>, _ x1: SIMD4<Float>, _ x2: SIMD4<Float>,
                                       _ x3: SIMD4<Float>) -> Quad {
        [x0 - x2, x1 + x2, x2 - x1, x1 - x3]
    }

    /// `Aᵀ m`: `(m0 + m1 + m2, m1 − m2 − m3)`.
    @inline(__always)
    private static func outputTransform(_ m0: SIMD4<Float>, _ m1: SIMD4<Float>, _ m2: SIMD4<Float>,
                                        _ m3: SIMD4<Float>) -> (SIMD4<Float>, SIMD4<Float>) {
        (m0 + m1 + m2, m1 - m2 - m3)
    }

    /// `A y` for a 2-element `y`: `(y0, y0 + y1, y0 − y1, −y1)`.
    @inline(__always)
    private static func gradientTransform(_ y0: SIMD4<Float>, _ y1: SIMD4<Float>) -> Quad {
        [y0, y0 + y1, y0 - y1, -y1]
    }

    /// `G g` for a 3-element `g`: `(g0, (g0 + g1 + g2) / 2, (g0 − g1 + g2) / 2, g2)`.
    private static func kernelTransform(_ g0: SIMD4<Float>, _ g1: SIMD4<Float>, _ g2: SIMD4<Float>) -> Quad {
        [g0, (g0 + g1 + g2) * 0.5, (g0 - g1 + g2) * 0.5, g2]
    }

    /// `Gᵀ u` for a 4-element `u`: `(u0 + (u1 + u2) / 2, (u1 − u2) / 2, (u1 + u2) / 2 + u3)`, and a zero
    /// fourth element.
    private static func gradientKernelTransform(_ u0: SIMD4<Float>, _ u1: SIMD4<Float>, _ u2: SIMD4<Float>,
                                                _ u3: SIMD4<Float>) -> Quad {
        let half = (u1 + u2) * 0.5
        return [u0 + half, (u1 - u2) * 0.5, half + u3, SIMD4()]
    }

    /// Lane `j` of the four vectors, as one vector: a transposition step.
    private static func column(_ j: Int, of rows: Quad) -> SIMD4<Float> {
        SIMD4(rows[0][j], rows[1][j], rows[2][j], rows[3][j])
    }

    /// `(a0, b0, a1, b1, a2, b2, a3, b3)`: two-wide outputs of four tiles in row order.
    @inline(__always)
    private static func interleave(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD8<Float> {
        SIMD8(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3])
    }

    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>) -> SIMD4<Float> {
        UnsafeRawPointer(source).loadUnaligned(as: SIMD4<Float>.self)
    }

    @inline(__always)
    private static func store(_ value: SIMD4<Float>, at target: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(target).storeBytes(of: value, as: SIMD4<Float>.self)
    }
}
