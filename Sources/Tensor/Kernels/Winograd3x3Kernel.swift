import COpenBLAS

/// 3×3, stride-1 convolution by Winograd's F(4×4, 3×3) algorithm: 36 multiplications per 4×4
/// output tile and channel pair instead of 144, as batched `cblas_sgemm` over the 36 transformed
/// positions.
///
/// `Y = Aᵀ[(G g Gᵀ) ⊙ (Bᵀ d B)]A` for each 6×6 input patch `d` (tiles overlap by 2); the weight
/// gradient is `Gᵀ[Σ (A dY Aᵀ) ⊙ (Bᵀ d B)]G`, with Lavin and Gray's matrices. The methods take a
/// range of images of a batch and process their tile rows in bands that may span several images (one
/// GEMM per position for the whole band), so that the GEMMs of narrow planes are not a few tiles wide;
/// bands are sized so the transformed matrices stay in cache.
struct Winograd3x3Kernel {
    var inChannels: Int
    var outChannels: Int
    var geometry: WindowGeometry
    var tileColumns: Int
    var tileRows: Int
    /// Tile rows per band (counted over the images of a batch, one after the other).
    var bandRows: Int

    /// Output rows and columns per tile.
    static let tileSize = 4
    /// Transformed positions per tile: the 6×6 input patch.
    static let positions = 36
    /// Floats of transformed input and products per band.
    static let bandBudget = 256 * 1024

    init(inChannels: Int, outChannels: Int, geometry: WindowGeometry) {
        precondition(Self.applies(to: geometry), "Winograd3x3Kernel: unsupported geometry \(geometry)")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.geometry = geometry
        tileRows = (geometry.height.outputSize + Self.tileSize - 1) / Self.tileSize
        tileColumns = (geometry.width.outputSize + Self.tileSize - 1) / Self.tileSize
        let floatsPerTileRow = Self.positions * (inChannels + outChannels) * tileColumns
        bandRows = max(Self.bandBudget / max(floatsPerTileRow, 1), 1)
    }

    /// Whether the algorithm applies: 3×3 kernel, stride 1, no dilation, padding at most 2 per side,
    /// a non-empty output.
    static func applies(to geometry: WindowGeometry) -> Bool {
        [geometry.height, geometry.width].allSatisfy {
            $0.outputSize > 0 && $0.kernelSize == 3 && $0.stride == 1 && $0.dilation == 1
                && $0.padBefore <= 2 && $0.padAfter <= 2
        }
    }

    /// Whether the tiles are transformed four adjacent ones of a tile row at a time (rows of at least
    /// four tiles); narrower planes take any four consecutive tiles of a band (`TileGroup`).
    var groupsAlongRows: Bool { tileColumns >= 4 }

    /// Tiles of a band of `rows` tile rows in the transformed matrices: with groups not along rows,
    /// rounded up to whole groups of four (the extra tiles are zero).
    func tileCount(rows: Int) -> Int {
        groupsAlongRows ? rows * tileColumns : (rows * tileColumns + 3) / 4 * 4
    }

    /// Floats of scratch per worker: transformed input band and products.
    var scratchCount: Int { Self.positions * (inChannels + outChannels) * tileCount(rows: bandRows) }

    /// The bands of tile rows of `images`, counted over the images one after the other.
    private func bands(_ images: Range<Int>) -> [Range<Int>] {
        let rows = images.lowerBound * tileRows..<images.upperBound * tileRows
        return stride(from: rows.lowerBound, to: rows.upperBound, by: bandRows).map {
            $0..<min($0 + bandRows, rows.upperBound)
        }
    }

    /// `U = G g Gᵀ` for every (out, in) channel pair, laid out `[36][outChannels][inChannels]`;
    /// with `flipped`, for the input gradient: the kernel rotated by 180° and its channels swapped.
    static func transformedWeights(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                                   flipped: Bool, into transformed: UnsafeMutablePointer<Float>) {
        let (rows, columns) = flipped ? (inChannels, outChannels) : (outChannels, inChannels)
        for o in 0..<outChannels {
            for i in 0..<inChannels {
                let g = weight + (o * inChannels + i) * 9
                func kernelRow(_ r: Int) -> SIMD8<Float> {
                    let k = flipped ? (8 - 3 * r, 7 - 3 * r, 6 - 3 * r) : (3 * r, 3 * r + 1, 3 * r + 2)
                    return SIMD8(g[k.0], g[k.1], g[k.2], 0, 0, 0, 0, 0)
                }
                // G down the columns (lanes: kernel columns), then along the rows (lanes: U rows).
                let left = WinogradTransforms.kernel((kernelRow(0), kernelRow(1), kernelRow(2)))
                let u = WinogradTransforms.kernel((lane(0, of: left), lane(1, of: left), lane(2, of: left)))
                let (uRow, uColumn) = flipped ? (i, o) : (o, i)
                let target = transformed + uRow * columns + uColumn
                // U[k][j] is lane k of u.j; position 6k + j.
                func put(_ j: Int, _ uj: SIMD8<Float>) {
                    for k in 0..<6 { target[(6 * k + j) * rows * columns] = uj[k] }
                }
                put(0, u.0); put(1, u.1); put(2, u.2); put(3, u.3); put(4, u.4); put(5, u.5)
            }
        }
    }

    /// `output = conv(input) + bias` for `images` of a batch (`input` and `output` point at its first
    /// image); `transformedWeight` from `transformedWeights`.
    func forward(images: Range<Int>, input: UnsafePointer<Float>, transformedWeight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>) {
        for band in bands(images) {
            let tiles = tileCount(rows: band.count)
            let (transformedInput, products) = (scratch, scratch + Self.positions * inChannels * tiles)
            transformInput(input, band: band, into: transformedInput)
            for position in 0..<Self.positions {
                BLAS.sgemm(m: outChannels, n: tiles, k: inChannels,
                           a: transformedWeight + position * outChannels * inChannels, lda: inChannels,
                           b: transformedInput + position * inChannels * tiles, ldb: tiles,
                           c: products + position * outChannels * tiles, ldc: tiles)
            }
            transformOutput(products, band: band, bias: bias, into: output)
        }
    }

    /// Adds the `Σ (A dY Aᵀ) ⊙ (Bᵀ d B)` of `images` to `transformedGradient` (`[36][out][in]`).
    func accumulateWeightGradient(images: Range<Int>, input: UnsafePointer<Float>, outputGradient: UnsafePointer<Float>,
                                  into transformedGradient: UnsafeMutablePointer<Float>,
                                  scratch: UnsafeMutablePointer<Float>) {
        for band in bands(images) {
            let tiles = tileCount(rows: band.count)
            let (transformedInput, transformedGradientBand) = (scratch, scratch + Self.positions * inChannels * tiles)
            transformInput(input, band: band, into: transformedInput)
            transformOutputGradient(outputGradient, band: band, into: transformedGradientBand)
            for position in 0..<Self.positions {
                BLAS.sgemm(transposeB: true, m: outChannels, n: inChannels, k: tiles,
                           a: transformedGradientBand + position * outChannels * tiles, lda: tiles,
                           b: transformedInput + position * inChannels * tiles, ldb: tiles, beta: 1,
                           c: transformedGradient + position * outChannels * inChannels, ldc: inChannels)
            }
        }
    }

    /// `dW = Gᵀ dU G` for every channel pair, from the summed `[36][out][in]` transformed gradient.
    static func weightGradient(_ transformed: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                               into weightGradient: UnsafeMutablePointer<Float>) {
        let pairs = outChannels * inChannels
        for pair in 0..<pairs {
            func gradientRow(_ r: Int) -> SIMD8<Float> {
                var row = SIMD8<Float>()
                for j in 0..<6 { row[j] = transformed[(6 * r + j) * pairs + pair] }
                return row
            }
            // Gᵀ down the columns (lanes: dU columns), then along the rows (lanes: dW rows).
            let left = WinogradTransforms.kernelGradient((gradientRow(0), gradientRow(1), gradientRow(2),
                                                          gradientRow(3), gradientRow(4), gradientRow(5)))
            let g = WinogradTransforms.kernelGradient((lane(0, of: left), lane(1, of: left), lane(2, of: left),
                                                       lane(3, of: left), lane(4, of: left), lane(5, of: left)))
            // dW[k][l] is lane k of g.l.
            let target = weightGradient + pair * 9
            for k in 0..<3 { (target[3 * k], target[3 * k + 1], target[3 * k + 2]) = (g.0[k], g.1[k], g.2[k]) }
        }
    }

    // MARK: Tile transforms
    //
    // The tile transforms work on four tiles at once, one SIMD lane per tile (a `TileGroup`): element
    // (i, j) of the four tiles' transforms is one `SIMD4`, stored contiguously at transformed position
    // 6i + j. Four adjacent tiles of a row are read and written as 16-element row segments (the four
    // tiles' 4-wide steps), split into their lanes modulo 4; other groups gather each tile's rows.

    /// Four tiles transformed together: lane `l` is tile (`tileRow[l]`, `tileColumn[l]`) of image `image[l]`.
    /// Unused lanes (past the end of a band) lie above the plane, where loads read zeros and stores drop.
    struct TileGroup {
        var image: SIMD4<Int>
        var tileRow: SIMD4<Int>
        var tileColumn: SIMD4<Int>
        /// Whether the lanes are four adjacent tiles of one row, from `tileColumn[0]` on.
        var isRowSegment: Bool
    }

    /// The groups of four tiles of `band` (tile rows counted over images), with each group's index in the
    /// band's `[tiles]` axis. Along rows, when `tileColumns` is not a multiple of 4, the last group of a row
    /// overlaps the one before (its tiles are done twice, identically).
    private func tileGroups(_ band: Range<Int>) -> [(group: TileGroup, offset: Int)] {
        if groupsAlongRows {
            return band.flatMap { globalRow in
                let (image, row) = globalRow.quotientAndRemainder(dividingBy: tileRows)
                let starts = Array(stride(from: 0, through: tileColumns - 4, by: 4))
                    + (tileColumns % 4 == 0 ? [] : [tileColumns - 4])
                return starts.map { first in
                    (TileGroup(image: SIMD4(repeating: image), tileRow: SIMD4(repeating: row),
                               tileColumn: SIMD4(first, first + 1, first + 2, first + 3), isRowSegment: true),
                     (globalRow - band.lowerBound) * tileColumns + first)
                }
            }
        }
        let (first, count) = (band.lowerBound * tileColumns, band.count * tileColumns)
        return stride(from: 0, to: count, by: 4).map { offset in
            var group = TileGroup(image: .zero, tileRow: SIMD4(repeating: -2), tileColumn: .zero, isRowSegment: false)
            for lane in 0..<min(4, count - offset) {
                let (image, tile) = (first + offset + lane).quotientAndRemainder(dividingBy: tileRows * tileColumns)
                (group.image[lane], group.tileRow[lane]) = (image, tile / tileColumns)
                group.tileColumn[lane] = tile % tileColumns
            }
            return (group, offset)
        }
    }

    /// Calls `body(channel, group, tileOffset, temporary)` for each of `channels` and every group of four
    /// tiles of `band`, where `tileOffset` is the group's index in the band's `[tiles]` axis and `temporary`
    /// is stack room for one 6×6 transform of four tiles (36 `SIMD4`, row-major).
    @inline(__always)
    private func forEachTileGroup(channels: Int, in band: Range<Int>,
                                  _ body: (Int, TileGroup, Int, UnsafeMutablePointer<Float>) -> Void) {
        let groups = tileGroups(band)
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * Self.positions) { temporary in
            let scratch = temporary.baseAddress!
            for channel in 0..<channels {
                for (group, offset) in groups { body(channel, group, offset, scratch) }
            }
        }
    }

    /// `Bᵀ d B` of the 6×6 patch of every tile of `band` and channel, as `[36][inChannels][tiles]`.
    private func transformInput(_ input: UnsafePointer<Float>, band: Range<Int>,
                                into transformed: UnsafeMutablePointer<Float>) {
        let (h, w) = (geometry.height, geometry.width)
        let segments = PlaneSegments(height: h.inputSize, width: w.inputSize)
        let tiles = tileCount(rows: band.count)
        let stride = inChannels * tiles
        let imageCount = inChannels * geometry.inputPlane
        forEachTileGroup(channels: inChannels, in: band) { channel, group, offset, rows in
            let target = transformed + channel * tiles
            func plane(_ lane: Int) -> UnsafePointer<Float> {
                input + group.image[lane] * imageCount + channel * geometry.inputPlane
            }
            let (top, left) = (4 &* group.tileRow &- h.padBefore, 4 &* group.tileColumn &- w.padBefore)
            // Bᵀ along each of the six patch rows (lanes: tiles), then down each column.
            for r in 0..<6 {
                let d: Sextet<SIMD4<Float>>
                if group.isRowSegment {
                    let low: SIMD16<Float> = segments.load(plane(0), row: top[0] + r, column: left[0])
                    let high: SIMD16<Float> = segments.load(plane(0), row: top[0] + r, column: left[0] + 4)
                    d = (Self.lanes(0, of: low), Self.lanes(1, of: low), Self.lanes(2, of: low),
                         Self.lanes(3, of: low), Self.lanes(0, of: high), Self.lanes(1, of: high))
                } else {
                    func row(_ lane: Int) -> SIMD8<Float> {
                        segments.load(plane(lane), row: top[lane] + r, column: left[lane])
                    }
                    let (s0, s1, s2, s3) = (row(0), row(1), row(2), row(3))
                    func column(_ k: Int) -> SIMD4<Float> { SIMD4(s0[k], s1[k], s2[k], s3[k]) }
                    d = (column(0), column(1), column(2), column(3), column(4), column(5))
                }
                Self.store(WinogradTransforms.input(d), at: rows + 24 * r, step: 4)
            }
            for j in 0..<6 {
                let column = Self.loadSextet(rows + 4 * j, step: 24)
                Self.store(WinogradTransforms.input(column), at: target + j * stride + offset, step: 6 * stride)
            }
        }
    }

    /// `Aᵀ m A` of every tile's 36 products plus the bias, written where the 4×4 outputs exist.
    private func transformOutput(_ products: UnsafePointer<Float>, band: Range<Int>, bias: UnsafePointer<Float>?,
                                 into output: UnsafeMutablePointer<Float>) {
        let segments = PlaneSegments(height: geometry.height.outputSize, width: geometry.width.outputSize)
        let tiles = tileCount(rows: band.count)
        let stride = outChannels * tiles
        let imageCount = outChannels * geometry.outputPlane
        forEachTileGroup(channels: outChannels, in: band) { channel, group, tile, columns in
            let source = products + channel * tiles
            func plane(_ lane: Int) -> UnsafeMutablePointer<Float> {
                output + group.image[lane] * imageCount + channel * geometry.outputPlane
            }
            let bias = bias?[channel] ?? 0
            // Aᵀ down each of the six product columns (lanes: tiles), then along each output row.
            for j in 0..<6 {
                let m = Self.loadSextet(source + j * stride + tile, step: 6 * stride)
                Self.store(WinogradTransforms.output(m), at: columns + 4 * j, step: 24)
            }
            for i in 0..<4 {
                let row = Self.loadSextet(columns + 24 * i, step: 4)
                let y = WinogradTransforms.output(row)
                if group.isRowSegment {
                    segments.store(Self.interleave(y) + bias, into: plane(0), row: 4 * group.tileRow[0] + i,
                                   column: 4 * group.tileColumn[0])
                    continue
                }
                for lane in 0..<4 {
                    segments.store(SIMD4(y.0[lane], y.1[lane], y.2[lane], y.3[lane]) + bias, into: plane(lane),
                                   row: 4 * group.tileRow[lane] + i, column: 4 * group.tileColumn[lane])
                }
            }
        }
    }

    /// `A dY Aᵀ` of every tile's 4×4 output gradient (zero beyond the output), as `[36][outChannels][tiles]`.
    private func transformOutputGradient(_ gradient: UnsafePointer<Float>, band: Range<Int>,
                                         into transformed: UnsafeMutablePointer<Float>) {
        let segments = PlaneSegments(height: geometry.height.outputSize, width: geometry.width.outputSize)
        let tiles = tileCount(rows: band.count)
        let stride = outChannels * tiles
        let imageCount = outChannels * geometry.outputPlane
        forEachTileGroup(channels: outChannels, in: band) { channel, group, offset, rows in
            let target = transformed + channel * tiles
            func plane(_ lane: Int) -> UnsafePointer<Float> {
                gradient + group.image[lane] * imageCount + channel * geometry.outputPlane
            }
            let (top, left) = (4 &* group.tileRow, 4 &* group.tileColumn)
            // A along each of the four gradient rows (lanes: tiles), then down each column.
            for r in 0..<4 {
                let y: Quartet<SIMD4<Float>>
                if group.isRowSegment {
                    let segment: SIMD16<Float> = segments.load(plane(0), row: top[0] + r, column: left[0])
                    y = (Self.lanes(0, of: segment), Self.lanes(1, of: segment), Self.lanes(2, of: segment),
                         Self.lanes(3, of: segment))
                } else {
                    func row(_ lane: Int) -> SIMD4<Float> { segments.load(plane(lane), row: top[lane] + r, column: left[lane]) }
                    let (s0, s1, s2, s3) = (row(0), row(1), row(2), row(3))
                    func column(_ k: Int) -> SIMD4<Float> { SIMD4(s0[k], s1[k], s2[k], s3[k]) }
                    y = (column(0), column(1), column(2), column(3))
                }
                Self.store(WinogradTransforms.outputGradient(y), at: rows + 24 * r, step: 4)
            }
            for j in 0..<6 {
                let column = Self.loadQuartet(rows + 4 * j, step: 24)
                Self.store(WinogradTransforms.outputGradient(column), at: target + j * stride + offset, step: 6 * stride)
            }
        }
    }

    /// Lane `k` of each vector, as one vector: a transposition step of the weight transforms.
    private static func lane(_ k: Int, of vectors: Triplet<SIMD8<Float>>) -> SIMD8<Float> {
        SIMD8(vectors.0[k], vectors.1[k], vectors.2[k], 0, 0, 0, 0, 0)
    }

    private static func lane(_ k: Int, of vectors: Sextet<SIMD8<Float>>) -> SIMD8<Float> {
        SIMD8(vectors.0[k], vectors.1[k], vectors.2[k], vectors.3[k], vectors.4[k], vectors.5[k], 0, 0)
    }

    /// Elements `c, c + 4, c + 8, c + 12` of a row segment: column `c` of four adjacent tiles.
    @inline(__always)
    private static func lanes(_ c: Int, of segment: SIMD16<Float>) -> SIMD4<Float> {
        SIMD4(segment[c], segment[c + 4], segment[c + 8], segment[c + 12])
    }

    /// The row segment whose element `4k + c` is lane `k` of `columns.c`: the inverse of `lanes`.
    @inline(__always)
    private static func interleave(_ columns: Quartet<SIMD4<Float>>) -> SIMD16<Float> {
        let (c0, c1, c2, c3) = columns
        return SIMD16(c0[0], c1[0], c2[0], c3[0], c0[1], c1[1], c2[1], c3[1],
                      c0[2], c1[2], c2[2], c3[2], c0[3], c1[3], c2[3], c3[3])
    }

    /// The six `SIMD4` at `source`, `source + step`, ….
    @inline(__always)
    private static func loadSextet(_ source: UnsafePointer<Float>, step: Int) -> Sextet<SIMD4<Float>> {
        func vector(_ k: Int) -> SIMD4<Float> { UnsafeRawPointer(source + k * step).loadUnaligned(as: SIMD4<Float>.self) }
        return (vector(0), vector(1), vector(2), vector(3), vector(4), vector(5))
    }

    /// The four `SIMD4` at `source`, `source + step`, ….
    @inline(__always)
    private static func loadQuartet(_ source: UnsafePointer<Float>, step: Int) -> Quartet<SIMD4<Float>> {
        func vector(_ k: Int) -> SIMD4<Float> { UnsafeRawPointer(source + k * step).loadUnaligned(as: SIMD4<Float>.self) }
        return (vector(0), vector(1), vector(2), vector(3))
    }

    /// Stores the six vectors at `target`, `target + step`, ….
    @inline(__always)
    private static func store(_ vectors: Sextet<SIMD4<Float>>, at target: UnsafeMutablePointer<Float>, step: Int) {
        store((vectors.0, vectors.1, vectors.2, vectors.3), at: target, step: step)
        store(vectors.4, at: target + 4 * step)
        store(vectors.5, at: target + 5 * step)
    }

    /// Stores the four vectors at `target`, `target + step`, ….
    @inline(__always)
    private static func store(_ vectors: Quartet<SIMD4<Float>>, at target: UnsafeMutablePointer<Float>, step: Int) {
        store(vectors.0, at: target)
        store(vectors.1, at: target + step)
        store(vectors.2, at: target + 2 * step)
        store(vectors.3, at: target + 3 * step)
    }

    @inline(__always)
    private static func store(_ vector: SIMD4<Float>, at target: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(target).storeBytes(of: vector, as: SIMD4<Float>.self)
    }
}
