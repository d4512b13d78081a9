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
        let floatsPerTileRow = 16 * (inChannels + outChannels) * tileColumns
        bandRows = min(max(Self.bandBudget / max(floatsPerTileRow, 1), 1), max(tileRows, 1))
    }

    /// Whether the algorithm applies: 3×3 kernel, stride 1, no dilation, padding at most 2 per side.
    static func applies(to geometry: WindowGeometry) -> Bool {
        [geometry.height, geometry.width].allSatisfy {
            $0.kernelSize == 3 && $0.stride == 1 && $0.dilation == 1 && $0.padBefore <= 2 && $0.padAfter <= 2
        }
    }

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
                var kernel = [Float](repeating: 0, count: 9)
                for k in 0..<9 { kernel[k] = flipped ? g[8 - k] : g[k] }
                let u = transform(kernel, rows: 3, by: gRows)
                let (row, column) = flipped ? (i, o) : (o, i)
                for position in 0..<16 { transformed[(position * rows + row) * columns + column] = u[position] }
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
            let u = (0..<16).map { transformed[$0 * pairs + pair] }
            let g = transform(u, rows: 4, by: gColumns)
            for k in 0..<9 { weightGradient[pair * 9 + k] = g[k] }
        }
    }

    // MARK: Transforms

    /// `Bᵀ d B` of the 4×4 patch of every tile of `band` and channel, as `[16][inChannels][tiles]`.
    private func transformInput(_ input: UnsafePointer<Float>, band: Range<Int>,
                                into transformed: UnsafeMutablePointer<Float>) {
        let (h, w) = (geometry.height, geometry.width)
        let (tiles, stride) = (band.count * tileColumns, inChannels * band.count * tileColumns)
        for channel in 0..<inChannels {
            let plane = input + channel * geometry.inputPlane
            for tileRow in band {
                let top = 2 * tileRow - h.padBefore
                let rowsInside = top >= 0 && top + 4 <= h.inputSize
                for tileColumn in 0..<tileColumns {
                    let left = 2 * tileColumn - w.padBefore
                    var d = (SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>(), SIMD4<Float>())
                    if rowsInside && left >= 0 && left + 4 <= w.inputSize {
                        let corner = UnsafeRawPointer(plane + top * w.inputSize + left), pitch = 4 * w.inputSize
                        d = (corner.loadUnaligned(as: SIMD4<Float>.self),
                             corner.loadUnaligned(fromByteOffset: pitch, as: SIMD4<Float>.self),
                             corner.loadUnaligned(fromByteOffset: 2 * pitch, as: SIMD4<Float>.self),
                             corner.loadUnaligned(fromByteOffset: 3 * pitch, as: SIMD4<Float>.self))
                    } else {
                        func row(_ r: Int) -> SIMD4<Float> {
                            var values = SIMD4<Float>()
                            guard (0..<h.inputSize).contains(top + r) else { return values }
                            for c in 0..<4 where (0..<w.inputSize).contains(left + c) {
                                values[c] = plane[(top + r) * w.inputSize + left + c]
                            }
                            return values
                        }
                        d = (row(0), row(1), row(2), row(3))
                    }
                    let rows = (d.0 - d.2, d.1 + d.2, d.2 - d.1, d.1 - d.3)
                    let target = transformed + channel * tiles + (tileRow - band.lowerBound) * tileColumns + tileColumn
                    for (index, t) in [rows.0, rows.1, rows.2, rows.3].enumerated() {
                        let out = target + 4 * index * stride
                        out[0] = t[0] - t[2]
                        out[stride] = t[1] + t[2]
                        out[2 * stride] = t[2] - t[1]
                        out[3 * stride] = t[1] - t[3]
                    }
                }
            }
        }
    }

    /// `Aᵀ m A` of every tile's 16 products plus the bias, written where the 2×2 outputs exist.
    private func transformOutput(_ products: UnsafePointer<Float>, band: Range<Int>, bias: UnsafePointer<Float>?,
                                 into output: UnsafeMutablePointer<Float>) {
        let (height, width) = (geometry.height.outputSize, geometry.width.outputSize)
        let (tiles, stride) = (band.count * tileColumns, outChannels * band.count * tileColumns)
        for channel in 0..<outChannels {
            let plane = output + channel * geometry.outputPlane
            let offset = bias?[channel] ?? 0
            for tile in 0..<tiles {
                let m = products + channel * tiles + tile
                func row(_ r: Int) -> SIMD4<Float> {
                    SIMD4(m[4 * r * stride], m[(4 * r + 1) * stride], m[(4 * r + 2) * stride], m[(4 * r + 3) * stride])
                }
                let (m0, m1, m2, m3) = (row(0), row(1), row(2), row(3))
                let (s0, s1) = (m0 + m1 + m2, m1 - m2 - m3)
                let y = SIMD4(s0[0] + s0[1] + s0[2], s0[1] - s0[2] - s0[3],
                              s1[0] + s1[1] + s1[2], s1[1] - s1[2] - s1[3]) + offset
                let (top, left) = (2 * (band.lowerBound + tile / tileColumns), 2 * (tile % tileColumns))
                for r in 0..<2 where top + r < height {
                    for c in 0..<2 where left + c < width { plane[(top + r) * width + left + c] = y[r * 2 + c] }
                }
            }
        }
    }

    /// `A dY Aᵀ` of every tile's 2×2 output gradient (zero beyond the output), as `[16][outChannels][tiles]`.
    private func transformOutputGradient(_ gradient: UnsafePointer<Float>, band: Range<Int>,
                                         into transformed: UnsafeMutablePointer<Float>) {
        let (height, width) = (geometry.height.outputSize, geometry.width.outputSize)
        let (tiles, stride) = (band.count * tileColumns, outChannels * band.count * tileColumns)
        for channel in 0..<outChannels {
            let plane = gradient + channel * geometry.outputPlane
            for tile in 0..<tiles {
                let (top, left) = (2 * (band.lowerBound + tile / tileColumns), 2 * (tile % tileColumns))
                func value(_ r: Int, _ c: Int) -> Float {
                    top + r < height && left + c < width ? plane[(top + r) * width + left + c] : 0
                }
                let (a, b, c, d) = (value(0, 0), value(0, 1), value(1, 0), value(1, 1))
                let target = transformed + channel * tiles + tile
                for (index, (x, y)) in [(a, b), (a + c, b + d), (a - c, b - d), (-c, -d)].enumerated() {
                    let out = target + 4 * index * stride
                    out[0] = x
                    out[stride] = x + y
                    out[2 * stride] = x - y
                    out[3 * stride] = -y
                }
            }
        }
    }

    /// `T x Tᵀ` for a square `rows × rows` matrix `x` and a transform `T` given as its rows.
    private static func transform(_ x: [Float], rows: Int, by t: [[Float]]) -> [Float] {
        let n = t.count
        var left = [Float](repeating: 0, count: n * rows)   // T x
        for i in 0..<n { for j in 0..<rows { for k in 0..<rows { left[i * rows + j] += t[i][k] * x[k * rows + j] } } }
        var result = [Float](repeating: 0, count: n * n)    // (T x) Tᵀ
        for i in 0..<n { for j in 0..<n { for k in 0..<rows { result[i * n + j] += left[i * rows + k] * t[j][k] } } }
        return result
    }

    private static let gRows: [[Float]] = [[1, 0, 0], [0.5, 0.5, 0.5], [0.5, -0.5, 0.5], [0, 0, 1]]
    private static let gColumns: [[Float]] = [[1, 0.5, 0.5, 0], [0, 0.5, -0.5, 0], [0, 0.5, 0.5, 1]]
}
