/// Zero-padded copies of the rows of a band of tile rows, for the Winograd tile transforms.
///
/// For each channel, the tile rows of the band that belong to one image share one run of `width`-float
/// rows: the rows their tiles read (6×6 input patches, which overlap the next tile row's by two) or write
/// (4×4 outputs), padding and the right edge included, so each input row is copied once. The transforms
/// then load and store whole vectors with no bounds checks; `fill` copies a band in, `drain` copies
/// outputs out. After the channels comes one spare strip: zeros for the loads of unused tile lanes, and a
/// sink for their stores.
struct WinogradStrips {
    typealias Vector = SIMD4<Float>

    /// Rows per tile row's strip: 6 for input patches, 4 for outputs and output gradients.
    var rowsPerTile: Int
    /// Floats per row (at least the plane's columns that tiles touch, plus `left`; at least 4).
    var width: Int
    var planeHeight: Int
    var planeWidth: Int
    /// Zero rows above and columns left of the plane (the convolution's leading padding, at most 2).
    var top: Int
    var left: Int

    /// Rows a tile row's strip shares with the next one's in the same image.
    private var overlap: Int { rowsPerTile - Winograd3x3Kernel.tileSize }

    /// The images a band of tile rows spans (tile rows counted over images of `tileRows` each).
    private static func images(_ band: Range<Int>, tileRows: Int) -> Int {
        band.isEmpty ? 0 : (band.upperBound - 1) / tileRows - band.lowerBound / tileRows + 1
    }

    /// Rows of one channel's strips of `band`.
    func rowsPerChannel(band: Range<Int>, tileRows: Int) -> Int {
        Winograd3x3Kernel.tileSize * band.count + overlap * Self.images(band, tileRows: tileRows)
    }

    /// Floats for any band of up to `bandRows` tile rows of `channels` channels, the spare strip, and
    /// room for vector accesses that run up to 16 floats past the last row.
    func count(channels: Int, bandRows: Int, tileRows: Int) -> Int {
        let images = min(bandRows, bandRows / tileRows + 2)
        return (channels * (Winograd3x3Kernel.tileSize * bandRows + overlap * images) + rowsPerTile) * width + 16
    }

    /// Per lane of `group`, the offset of its tile's first element in the strips of `channel` (of
    /// `channels`, `channelRows` rows each); for unused lanes, of the spare strip.
    @inline(__always)
    func starts(of group: Winograd3x3Kernel.TileGroup, channel: Int, channels: Int, channelRows: Int) -> SIMD4<Int> {
        let rows = channel &* channelRows &+ Winograd3x3Kernel.tileSize &* group.bandRow &+ overlap &* group.image
        let starts = rows &* width &+ Winograd3x3Kernel.tileSize &* group.tileColumn
        return starts.replacing(with: channels * channelRows * width, where: group.bandRow .< 0)
    }

    /// Calls `body(image, rows)` for each image's run of tile rows in `band`, in order: `rows` are the
    /// plane rows of the run's strips (from above the plane's first row when padded).
    @inline(__always)
    private func forEachRun(_ band: Range<Int>, tileRows: Int, _ body: (Int, Range<Int>) -> Void) {
        var globalRow = band.lowerBound
        while globalRow < band.upperBound {
            let (image, first) = globalRow.quotientAndRemainder(dividingBy: tileRows)
            let last = min(tileRows, first + band.upperBound - globalRow)
            let tile = Winograd3x3Kernel.tileSize
            body(image, tile * first - top..<tile * last + overlap - top)
            globalRow += last - first
        }
    }

    /// Copies the rows of every tile row of `band` and channel of `source` into `strips`, zero outside
    /// the plane, and zeroes the spare strip. Each row is written whole, left to right, with vector
    /// stores that may run up to 3 floats into the next row, which is written after it.
    func fill(_ strips: UnsafeMutablePointer<Float>, from source: UnsafePointer<Float>, channels: Int,
              band: Range<Int>, tileRows: Int) {
        let planeCount = planeHeight * planeWidth
        let copied = max(0, min(planeWidth, width - left))
        var row = strips
        for channel in 0..<channels {
            forEachRun(band, tileRows: tileRows) { image, rows in
                let plane = source + (image * channels + channel) * planeCount
                for y in rows {
                    if y >= 0 && y < planeHeight {
                        Self.zero(row, count: left)
                        Self.copy(plane + y * planeWidth, to: row + left, count: copied)
                        Self.zero(row + left + copied, count: width - left - copied)
                    } else {
                        Self.zero(row, count: width)
                    }
                    row += width
                }
            }
        }
        Self.zero(row, count: rowsPerTile * width + 16)
    }

    /// Copies the strips of `band` into the planes of `output`, plus `bias[channel]`, where the plane
    /// has rows and columns.
    func drain(_ strips: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, channels: Int,
               band: Range<Int>, tileRows: Int, bias: UnsafePointer<Float>?) {
        let planeCount = planeHeight * planeWidth
        var row = strips
        for channel in 0..<channels {
            let bias = Vector(repeating: bias?[channel] ?? 0)
            forEachRun(band, tileRows: tileRows) { image, rows in
                let plane = output + (image * channels + channel) * planeCount
                for y in rows {
                    if y < planeHeight {
                        let line = plane + y * planeWidth
                        var x = 0
                        while x + 4 <= planeWidth {
                            Self.store(Self.load(row + x) + bias, at: line + x)
                            x += 4
                        }
                        let tail = Self.load(row + x) + bias
                        for k in 0..<planeWidth - x { line[x + k] = tail[k] }
                    }
                    row += width
                }
            }
        }
    }

    /// Zeroes `count` floats, in vectors: may zero up to 3 more.
    @inline(__always)
    private static func zero(_ target: UnsafeMutablePointer<Float>, count: Int) {
        var x = 0
        while x < count {
            store(Vector(), at: target + x)
            x += 4
        }
    }

    /// Copies `count` floats, in vectors and then one at a time (not through `memcpy`, whose call
    /// costs more than these short rows).
    @inline(__always)
    private static func copy(_ source: UnsafePointer<Float>, to target: UnsafeMutablePointer<Float>, count: Int) {
        var x = 0
        while x + 4 <= count {
            store(load(source + x), at: target + x)
            x += 4
        }
        switch count - x {
        case 3: (target[x], target[x + 1], target[x + 2]) = (source[x], source[x + 1], source[x + 2])
        case 2: (target[x], target[x + 1]) = (source[x], source[x + 1])
        case 1: target[x] = source[x]
        default: break
        }
    }

    @inline(__always)
    private static func load(_ source: UnsafePointer<Float>) -> Vector {
        UnsafeRawPointer(source).loadUnaligned(as: Vector.self)
    }

    @inline(__always)
    private static func store(_ vector: Vector, at target: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(target).storeBytes(of: vector, as: Vector.self)
    }
}
