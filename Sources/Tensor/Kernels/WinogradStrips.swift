/// Zero-padded copies of the tile rows of a band of planes, for the Winograd tile transforms.
///
/// Each tile row of each channel gets a strip of `rowsPerTile` rows of `width` floats: the rows its
/// tiles read (6×6 input patches, which overlap the next tile row's by two) or write (4×4 outputs),
/// padding and the right edge included. The transforms then load and store whole vectors with no
/// bounds checks; `fill` copies a band in, `drain` copies outputs out. After the strips of a band comes
/// one spare strip: zeros for the loads of unused tile lanes, and a sink for their stores.
struct WinogradStrips {
    /// Rows per strip: 6 for input patches, 4 for outputs and output gradients.
    var rowsPerTile: Int
    /// Floats per strip row (at least the plane's columns that tiles touch, plus `left`).
    var width: Int
    var planeHeight: Int
    var planeWidth: Int
    /// Zero rows above and columns left of the plane (the convolution's leading padding).
    var top: Int
    var left: Int

    /// Floats for `rows` tile rows of `channels` channels, the spare strip, and room for vector
    /// accesses that run up to 16 floats past the last row.
    func count(channels: Int, rows: Int) -> Int { (channels * rows + 1) * rowsPerTile * width + 16 }

    /// The offset of the strip of `channel`'s tile row `bandRow` (of `bandRows`).
    @inline(__always)
    private func offset(channel: Int, bandRow: Int, bandRows: Int) -> Int {
        (channel * bandRows + bandRow) * rowsPerTile * width
    }

    /// Per lane of `group`, the offset of its tile's first element in the strips of `channel` (of
    /// `channels`); for unused lanes, of the spare strip.
    @inline(__always)
    func starts(of group: Winograd3x3Kernel.TileGroup, channel: Int, channels: Int, bandRows: Int) -> SIMD4<Int> {
        let starts = (channel &* bandRows &+ group.bandRow) &* (rowsPerTile &* width) &+ Winograd3x3Kernel.tileSize &* group.tileColumn
        return starts.replacing(with: channels * bandRows * rowsPerTile * width, where: group.bandRow .< 0)
    }

    /// Copies the rows of every tile row of `band` (tile rows counted over images of `tileRows` each)
    /// and channel of `source` into `strips`, zero outside the plane; zeroes the spare strip.
    func fill(_ strips: UnsafeMutablePointer<Float>, from source: UnsafePointer<Float>, channels: Int,
              band: Range<Int>, tileRows: Int) {
        let planeCount = planeHeight * planeWidth
        let copied = max(0, min(planeWidth, width - left))
        for channel in 0..<channels {
            for (index, globalRow) in band.enumerated() {
                let (image, tileRow) = globalRow.quotientAndRemainder(dividingBy: tileRows)
                let plane = source + (image * channels + channel) * planeCount
                let strip = strips + offset(channel: channel, bandRow: index, bandRows: band.count)
                for r in 0..<rowsPerTile {
                    let (row, y) = (strip + r * width, Winograd3x3Kernel.tileSize * tileRow + r - top)
                    guard y >= 0 && y < planeHeight else {
                        for x in 0..<width { row[x] = 0 }
                        continue
                    }
                    let line = plane + y * planeWidth
                    for x in 0..<left { row[x] = 0 }
                    for x in 0..<copied { row[left + x] = line[x] }
                    for x in left + copied..<width { row[x] = 0 }
                }
            }
        }
        let spare = strips + channels * band.count * rowsPerTile * width
        for x in 0..<rowsPerTile * width + 16 { spare[x] = 0 }
    }

    /// Copies the strips of `band` into the planes of `output`, plus `bias[channel]`, where the plane
    /// has rows and columns.
    func drain(_ strips: UnsafePointer<Float>, into output: UnsafeMutablePointer<Float>, channels: Int,
               band: Range<Int>, tileRows: Int, bias: UnsafePointer<Float>?) {
        let planeCount = planeHeight * planeWidth
        for channel in 0..<channels {
            let bias = bias?[channel] ?? 0
            for (index, globalRow) in band.enumerated() {
                let (image, tileRow) = globalRow.quotientAndRemainder(dividingBy: tileRows)
                let plane = output + (image * channels + channel) * planeCount
                let strip = strips + offset(channel: channel, bandRow: index, bandRows: band.count)
                for r in 0..<min(rowsPerTile, planeHeight - Winograd3x3Kernel.tileSize * tileRow) {
                    let (line, row) = (plane + (Winograd3x3Kernel.tileSize * tileRow + r) * planeWidth, strip + r * width)
                    for x in 0..<planeWidth { line[x] = row[x] + bias }
                }
            }
        }
    }
}
