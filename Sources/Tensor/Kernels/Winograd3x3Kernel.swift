import COpenBLAS
import ConcurrencySupport

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
    /// Tile rows per band (counted over the images of a batch, one after the other; at most
    /// `bandBudget(groupsAlongRows:)` floats of transformed input and products).
    var bandRows: Int

    /// Output rows and columns per tile.
    static let tileSize = 4
    /// Transformed positions per tile: the 6×6 input patch.
    static let positions = 36
    /// Floats of transformed input and products per band: 1 MiB (this Zen 4's L2 per core) where tiles are
    /// grouped along rows, 1.5 MiB for narrower planes, whose bands hold few tiles per row, so that their 36
    /// GEMMs per band stay wide enough. Interleaved A/B, 2 threads: one budget of 512K floats made the
    /// 256 × 65 planes of `conv_32x64` 1.5× slower (421 against 277 ms) and mfcc-cnn's training step
    /// slower; 256K cut resnet-mfcc's 65 × 7 planes into 10 bands (step 19.3 against 18.1 ms, best of 75);
    /// 512K for them was 4–15 % slower than 384K.
    static func bandBudget(groupsAlongRows: Bool) -> Int { groupsAlongRows ? 256 * 1024 : 384 * 1024 }

    /// The kernel for batches of `batch` images, cut into bands for `workers` threads: as few bands as keep
    /// each within `bandBudget(groupsAlongRows:)`, their count a multiple of `workers` and their sizes equal (to a row),
    /// so that the workers of a parallel loop over the bands get even shares.
    init(inChannels: Int, outChannels: Int, geometry: WindowGeometry, batch: Int, workers: Int) {
        precondition(Self.applies(to: geometry), "Winograd3x3Kernel: unsupported geometry \(geometry)")
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.geometry = geometry
        tileRows = (geometry.height.outputSize + Self.tileSize - 1) / Self.tileSize
        tileColumns = (geometry.width.outputSize + Self.tileSize - 1) / Self.tileSize
        let floatsPerTileRow = Self.positions * (inChannels + outChannels) * tileColumns
        let budget = Self.bandBudget(groupsAlongRows: Self.groupsAlongRows(tileColumns: tileColumns))
        let (most, rows, workers) = (max(budget / max(floatsPerTileRow, 1), 1), max(batch * tileRows, 1), max(workers, 1))
        let bands = workers * ((rows + workers * most - 1) / (workers * most))
        bandRows = (rows + bands - 1) / bands
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
    var groupsAlongRows: Bool { Self.groupsAlongRows(tileColumns: tileColumns) }

    /// `groupsAlongRows` for planes of `tileColumns` tile columns.
    static func groupsAlongRows(tileColumns: Int) -> Bool { tileColumns >= 4 }

    /// Tiles of a band of `rows` tile rows in the transformed matrices: with groups not along rows,
    /// rounded up to whole groups of four (the extra tiles are zero).
    func tileCount(rows: Int) -> Int {
        groupsAlongRows ? rows * tileColumns : (rows * tileColumns + 3) / 4 * 4
    }

    /// Floats of scratch per worker: transformed input band, products, and the input strips.
    var scratchCount: Int { Self.positions * (inChannels + outChannels) * tileCount(rows: bandRows) + stripCount }

    /// The strips of a band's input patches: six rows per tile row, padding included.
    var inputStrips: WinogradStrips {
        WinogradStrips(rowsPerTile: 6, width: Self.tileSize * tileColumns + 2, planeHeight: geometry.height.inputSize,
               planeWidth: geometry.width.inputSize, top: geometry.height.padBefore, left: geometry.width.padBefore)
    }

    /// The strips of a band's outputs (or output gradients): four rows per tile row.
    var outputStrips: WinogradStrips {
        WinogradStrips(rowsPerTile: 4, width: Self.tileSize * tileColumns, planeHeight: geometry.height.outputSize,
               planeWidth: geometry.width.outputSize, top: 0, left: 0)
    }

    /// Floats of scratch for the strips of one band (input, then output or gradient strips, in turn).
    var stripCount: Int {
        max(inputStrips.count(channels: inChannels, bandRows: bandRows, tileRows: tileRows),
            outputStrips.count(channels: outChannels, bandRows: bandRows, tileRows: tileRows))
    }

    /// The bands of tile rows of a batch (tile rows counted over its images one after the other): the
    /// batch's rows cut every `bandRows`, so that a forward and a backward cut them alike.
    func bandCount(batch: Int) -> Int { (batch * tileRows + bandRows - 1) / bandRows }

    /// Tile rows of band `index` of a batch.
    func band(_ index: Int, batch: Int) -> Range<Int> {
        index * bandRows..<min((index + 1) * bandRows, batch * tileRows)
    }

    /// The images whose first tile row lies in `bands`: each image of the batch in exactly one range of a
    /// partition of the bands.
    func images(startingIn bands: Range<Int>, batch: Int) -> Range<Int> {
        func firstImage(atOrAfter row: Int) -> Int { (row + tileRows - 1) / tileRows }
        return firstImage(atOrAfter: bands.lowerBound * bandRows)..<firstImage(atOrAfter: min(bands.upperBound * bandRows, batch * tileRows))
    }

    /// Floats of one band's transformed input, as kept from a forward for the weight gradient.
    var keptBandCount: Int { Self.positions * inChannels * tileCount(rows: bandRows) }

    /// Floats of the transformed input of a batch, kept from a forward for the weight gradient.
    func keptCount(batch: Int) -> Int { bandCount(batch: batch) * keptBandCount }

    /// `U = G g Gᵀ` for every (out, in) channel pair, laid out `[36][outChannels][inChannels]`;
    /// with `flipped`, for the input gradient: the kernel rotated by 180° and its channels swapped.
    ///
    /// The nine taps are first gathered into `[9][rows][columns]` (columns padded to whole SIMD groups),
    /// so that eight pairs adjacent along `U`'s last axis load as one vector per tap and each of the 36
    /// results is one 8-wide store; rows run in parallel.
    static func transformedWeights(_ weight: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                                   flipped: Bool, into transformed: UnsafeMutablePointer<Float>) {
        typealias Lanes = SIMD8<Float>
        let (rows, columns) = flipped ? (inChannels, outChannels) : (outChannels, inChannels)
        let padded = (columns + Lanes.scalarCount - 1) / Lanes.scalarCount * Lanes.scalarCount
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 9 * rows * padded) { taps in
            let taps = taps.baseAddress!
            for o in 0..<outChannels {
                for i in 0..<inChannels {
                    let (row, column) = flipped ? (i, o) : (o, i)
                    let kernel = weight + (o * inChannels + i) * 9
                    for k in 0..<9 { taps[(k * rows + row) * padded + column] = kernel[flipped ? 8 - k : k] }
                }
            }
            for k in 0..<9 where padded > columns {
                for row in 0..<rows { (taps + (k * rows + row) * padded + columns).initialize(repeating: 0, count: padded - columns) }
            }
            let (gathered, output) = (SharedPointer(UnsafePointer(taps)), SharedPointer(transformed))
            Parallel.parallelFor(0..<rows, minimumChunk: 8) { rowRange in
                for row in rowRange {
                    transformRow(row, rows: rows, columns: columns, padded: padded, taps: gathered.readOnly,
                                 into: output.pointer)
                }
            }
        }
    }

    /// One row of `transformedWeights` from the gathered taps.
    private static func transformRow(_ row: Int, rows: Int, columns: Int, padded: Int, taps: UnsafePointer<Float>,
                                     into transformed: UnsafeMutablePointer<Float>) {
        typealias Lanes = SIMD8<Float>
        let positionStride = rows * columns
        for first in stride(from: 0, to: columns, by: Lanes.scalarCount) {
            let lanes = min(Lanes.scalarCount, columns - first)
            func tap(_ r: Int, _ c: Int) -> Lanes {
                UnsafeRawPointer(taps + ((3 * r + c) * rows + row) * padded + first).loadUnaligned(as: Lanes.self)
            }
            // G down each kernel column, then along each of the six rows.
            func column(_ c: Int) -> Sextet<Lanes> { WinogradTransforms.kernel((tap(0, c), tap(1, c), tap(2, c))) }
            let (c0, c1, c2) = (column(0), column(1), column(2))
            let target = transformed + row * columns + first
            func store(_ position: Int, _ value: Lanes) {
                let destination = target + position * positionStride
                if lanes == Lanes.scalarCount {
                    UnsafeMutableRawPointer(destination).storeBytes(of: value, as: Lanes.self)
                } else {
                    for lane in 0..<lanes { destination[lane] = value[lane] }
                }
            }
            func put(_ k: Int, _ t: Triplet<Lanes>) {
                let u = WinogradTransforms.kernel(t)
                store(6 * k, u.0); store(6 * k + 1, u.1); store(6 * k + 2, u.2)
                store(6 * k + 3, u.3); store(6 * k + 4, u.4); store(6 * k + 5, u.5)
            }
            put(0, (c0.0, c1.0, c2.0)); put(1, (c0.1, c1.1, c2.1)); put(2, (c0.2, c1.2, c2.2))
            put(3, (c0.3, c1.3, c2.3)); put(4, (c0.4, c1.4, c2.4)); put(5, (c0.5, c1.5, c2.5))
        }
    }

    /// `output = conv(input) + bias` for `bands` of a batch (`input` and `output` point at its first
    /// image); `transformedWeight` from `transformedWeights`. With `kept` (`keptCount(batch:)` floats)
    /// the transformed input is written there, for `accumulateWeightGradient`, instead of to scratch.
    func forward(bands: Range<Int>, batch: Int, input: UnsafePointer<Float>, transformedWeight: UnsafePointer<Float>,
                 bias: UnsafePointer<Float>?, output: UnsafeMutablePointer<Float>, scratch: UnsafeMutablePointer<Float>,
                 kept: UnsafeMutablePointer<Float>? = nil) {
        let strips = scratch + scratchCount - stripCount
        for index in bands {
            let band = self.band(index, batch: batch)
            let tiles = tileCount(rows: band.count)
            let (transformedInput, products) = (kept.map { $0 + index * keptBandCount } ?? scratch,
                                                scratch + Self.positions * inChannels * tileCount(rows: bandRows))
            transformInput(input, band: band, strips: strips, into: transformedInput)
            for position in 0..<Self.positions {
                BLAS.sgemm(m: outChannels, n: tiles, k: inChannels,
                           a: transformedWeight + position * outChannels * inChannels, lda: inChannels,
                           b: transformedInput + position * inChannels * tiles, ldb: tiles,
                           c: products + position * outChannels * tiles, ldc: tiles)
            }
            transformOutput(products, band: band, bias: bias, strips: strips, into: output)
        }
    }

    /// Adds the `Σ (A dY Aᵀ) ⊙ (Bᵀ d B)` of `bands` to `transformedGradient` (`[36][out][in]`), with the
    /// transformed input `kept` by the forward when given.
    func accumulateWeightGradient(bands: Range<Int>, batch: Int, input: UnsafePointer<Float>,
                                  outputGradient: UnsafePointer<Float>, kept: UnsafePointer<Float>?,
                                  into transformedGradient: UnsafeMutablePointer<Float>,
                                  scratch: UnsafeMutablePointer<Float>) {
        let strips = scratch + scratchCount - stripCount
        for index in bands {
            let band = self.band(index, batch: batch)
            let tiles = tileCount(rows: band.count)
            let transformedGradientBand = scratch + Self.positions * inChannels * tileCount(rows: bandRows)
            let transformedInput: UnsafePointer<Float>
            if let kept {
                transformedInput = kept + index * keptBandCount
            } else {
                transformInput(input, band: band, strips: strips, into: scratch)
                transformedInput = UnsafePointer(scratch)
            }
            transformOutputGradient(outputGradient, band: band, strips: strips, into: transformedGradientBand)
            for position in 0..<Self.positions {
                BLAS.sgemm(transposeB: true, m: outChannels, n: inChannels, k: tiles,
                           a: transformedGradientBand + position * outChannels * tiles, lda: tiles,
                           b: transformedInput + position * inChannels * tiles, ldb: tiles, beta: 1,
                           c: transformedGradient + position * outChannels * inChannels, ldc: inChannels)
            }
        }
    }

    /// `dW = Gᵀ dU G` for every channel pair, from the summed `[36][out][in]` transformed gradient:
    /// eight consecutive pairs at a time, one per SIMD lane.
    static func weightGradient(_ transformed: UnsafePointer<Float>, outChannels: Int, inChannels: Int,
                               into weightGradient: UnsafeMutablePointer<Float>) {
        typealias Lanes = SIMD8<Float>
        let pairs = outChannels * inChannels
        for first in stride(from: 0, to: pairs, by: Lanes.scalarCount) {
            let lanes = min(Lanes.scalarCount, pairs - first)
            func element(_ position: Int) -> Lanes {
                let source = transformed + position * pairs + first
                if lanes == Lanes.scalarCount { return UnsafeRawPointer(source).loadUnaligned(as: Lanes.self) }
                var values = Lanes()
                for lane in 0..<lanes { values[lane] = source[lane] }
                return values
            }
            // Gᵀ down each of the six columns of dU, then along each of the three rows.
            func column(_ j: Int) -> Triplet<Lanes> {
                WinogradTransforms.kernelGradient((element(j), element(6 + j), element(12 + j), element(18 + j),
                                                   element(24 + j), element(30 + j)))
            }
            let (c0, c1, c2, c3, c4, c5) = (column(0), column(1), column(2), column(3), column(4), column(5))
            func put(_ k: Int, _ row: Sextet<Lanes>) {
                let g = WinogradTransforms.kernelGradient(row)
                for lane in 0..<lanes {
                    let target = weightGradient + (first + lane) * 9 + 3 * k
                    (target[0], target[1], target[2]) = (g.0[lane], g.1[lane], g.2[lane])
                }
            }
            put(0, (c0.0, c1.0, c2.0, c3.0, c4.0, c5.0))
            put(1, (c0.1, c1.1, c2.1, c3.1, c4.1, c5.1))
            put(2, (c0.2, c1.2, c2.2, c3.2, c4.2, c5.2))
        }
    }

    // MARK: Tile transforms
    //
    // The tile transforms work on four tiles at once, one SIMD lane per tile (a `TileGroup`): element
    // (i, j) of the four tiles' transforms is one `SIMD4`, stored contiguously at transformed position
    // 6i + j. Four adjacent tiles of a row are read and written as 16-element row segments (the four
    // tiles' 4-wide steps), split into their lanes modulo 4; other groups gather each tile's rows.

    /// Four tiles transformed together: lane `l` is tile `tileColumn[l]` of the band's tile row
    /// `bandRow[l]`. Unused lanes (past the end of a band) use the spare strip (`WinogradStrips`),
    /// where loads read zeros and stores are dropped.
    struct TileGroup {
        var tileColumn: SIMD4<Int>
        /// The lanes' tile rows counted from the band's first; −1 for unused lanes.
        var bandRow: SIMD4<Int>
        /// The lanes' images counted from the band's first.
        var image: SIMD4<Int>
        /// Whether the lanes are four adjacent tiles of one row, from `tileColumn[0]` on.
        var isRowSegment: Bool
    }

    /// The groups of four tiles of `band` (tile rows counted over images), with each group's index in the
    /// band's `[tiles]` axis. Along rows, when `tileColumns` is not a multiple of 4, the last group of a row
    /// overlaps the one before (its tiles are done twice, identically).
    private func tileGroups(_ band: Range<Int>) -> [(group: TileGroup, offset: Int)] {
        if groupsAlongRows {
            return band.flatMap { globalRow in
                let starts = Array(stride(from: 0, through: tileColumns - 4, by: 4))
                    + (tileColumns % 4 == 0 ? [] : [tileColumns - 4])
                return starts.map { first in
                    (TileGroup(tileColumn: SIMD4(first, first + 1, first + 2, first + 3),
                               bandRow: SIMD4(repeating: globalRow - band.lowerBound),
                               image: SIMD4(repeating: globalRow / tileRows - band.lowerBound / tileRows), isRowSegment: true),
                     (globalRow - band.lowerBound) * tileColumns + first)
                }
            }
        }
        let count = band.count * tileColumns
        return stride(from: 0, to: count, by: 4).map { offset in
            var group = TileGroup(tileColumn: .zero, bandRow: SIMD4(repeating: -1), image: .zero, isRowSegment: false)
            for lane in 0..<min(4, count - offset) {
                (group.bandRow[lane], group.tileColumn[lane]) = (offset + lane).quotientAndRemainder(dividingBy: tileColumns)
                group.image[lane] = (band.lowerBound + group.bandRow[lane]) / tileRows - band.lowerBound / tileRows
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

    /// `Bᵀ d B` of the 6×6 patch of every tile of `band` and channel, as `[36][inChannels][tiles]`;
    /// `strips` is `stripCount` floats of scratch.
    private func transformInput(_ input: UnsafePointer<Float>, band: Range<Int>, strips: UnsafeMutablePointer<Float>,
                                into transformed: UnsafeMutablePointer<Float>) {
        let layout = inputStrips
        let channelRows = layout.rowsPerChannel(band: band, tileRows: tileRows)
        layout.fill(strips, from: input, channels: inChannels, band: band, tileRows: tileRows)
        let tiles = tileCount(rows: band.count)
        let stride = inChannels * tiles
        forEachTileGroup(channels: inChannels, in: band) { channel, group, offset, rows in
            let target = transformed + channel * tiles
            let start = layout.starts(of: group, channel: channel, channels: inChannels, channelRows: channelRows)
            func load<V: SIMD>(_ lane: Int, row r: Int, plus column: Int = 0) -> V where V.Scalar == Float {
                UnsafeRawPointer(strips + start[lane] + r * layout.width + column).loadUnaligned(as: V.self)
            }
            // Bᵀ along each of the six patch rows (lanes: tiles), then down each column.
            for r in 0..<6 {
                let d: Sextet<SIMD4<Float>>
                if group.isRowSegment {
                    let (low, high): (SIMD16<Float>, SIMD16<Float>) = (load(0, row: r), load(0, row: r, plus: 4))
                    d = (Self.lanes(0, of: low), Self.lanes(1, of: low), Self.lanes(2, of: low),
                         Self.lanes(3, of: low), Self.lanes(0, of: high), Self.lanes(1, of: high))
                } else {
                    let (s0, s1, s2, s3): (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>) =
                        (load(0, row: r), load(1, row: r), load(2, row: r), load(3, row: r))
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

    /// `Aᵀ m A` of every tile's 36 products plus the bias, written where the 4×4 outputs exist: into
    /// output strips (`strips`, `stripCount` floats of scratch) and from there to `output`.
    private func transformOutput(_ products: UnsafePointer<Float>, band: Range<Int>, bias: UnsafePointer<Float>?,
                                 strips: UnsafeMutablePointer<Float>, into output: UnsafeMutablePointer<Float>) {
        let layout = outputStrips
        let channelRows = layout.rowsPerChannel(band: band, tileRows: tileRows)
        let tiles = tileCount(rows: band.count)
        let stride = outChannels * tiles
        forEachTileGroup(channels: outChannels, in: band) { channel, group, tile, columns in
            let source = products + channel * tiles
            let start = layout.starts(of: group, channel: channel, channels: outChannels, channelRows: channelRows)
            // Aᵀ down each of the six product columns (lanes: tiles), then along each output row.
            for j in 0..<6 {
                let m = Self.loadSextet(source + j * stride + tile, step: 6 * stride)
                Self.store(WinogradTransforms.output(m), at: columns + 4 * j, step: 24)
            }
            for i in 0..<4 {
                let y = WinogradTransforms.output(Self.loadSextet(columns + 24 * i, step: 4))
                if group.isRowSegment {
                    UnsafeMutableRawPointer(strips + start[0] + i * layout.width).storeBytes(of: Self.interleave(y),
                                                                                            as: SIMD16<Float>.self)
                    continue
                }
                for lane in 0..<4 {
                    Self.store(SIMD4(y.0[lane], y.1[lane], y.2[lane], y.3[lane]), at: strips + start[lane] + i * layout.width)
                }
            }
        }
        layout.drain(strips, into: output, channels: outChannels, band: band, tileRows: tileRows, bias: bias)
    }

    /// `A dY Aᵀ` of every tile's 4×4 output gradient (zero beyond the output), as `[36][outChannels][tiles]`;
    /// `strips` is `stripCount` floats of scratch.
    private func transformOutputGradient(_ gradient: UnsafePointer<Float>, band: Range<Int>,
                                         strips: UnsafeMutablePointer<Float>,
                                         into transformed: UnsafeMutablePointer<Float>) {
        let layout = outputStrips
        let channelRows = layout.rowsPerChannel(band: band, tileRows: tileRows)
        layout.fill(strips, from: gradient, channels: outChannels, band: band, tileRows: tileRows)
        let tiles = tileCount(rows: band.count)
        let stride = outChannels * tiles
        forEachTileGroup(channels: outChannels, in: band) { channel, group, offset, rows in
            let target = transformed + channel * tiles
            let start = layout.starts(of: group, channel: channel, channels: outChannels, channelRows: channelRows)
            func load<V: SIMD>(_ lane: Int, row r: Int) -> V where V.Scalar == Float {
                UnsafeRawPointer(strips + start[lane] + r * layout.width).loadUnaligned(as: V.self)
            }
            // A along each of the four gradient rows (lanes: tiles), then down each column.
            for r in 0..<4 {
                let y: Quartet<SIMD4<Float>>
                if group.isRowSegment {
                    let segment: SIMD16<Float> = load(0, row: r)
                    y = (Self.lanes(0, of: segment), Self.lanes(1, of: segment), Self.lanes(2, of: segment),
                         Self.lanes(3, of: segment))
                } else {
                    let (s0, s1, s2, s3): (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) =
                        (load(0, row: r), load(1, row: r), load(2, row: r), load(3, row: r))
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
