/// Running medians of an odd-length window sliding along up to eight lines at once, with SciPy's
/// `mode="reflect"` edges (`d c b a | a b c d | d c b a`).
///
/// Each SIMD lane holds one line's window, kept sorted. A step removes the value leaving the
/// window and inserts the one entering it in a single branch-free pass of compares, selects,
/// minima and maxima (`R[i] = W[i] < old ? W[i] : W[i+1]`, `W'[i] = min(R[i], max(R[i−1], new))`),
/// so every result is exactly one of the input values, as SciPy's. Lines are gathered into a
/// lane-interleaved scratch buffer, which makes rows and columns of a row-major matrix cost the
/// same. One instance owns its scratch buffers and is reused for every group of lines.
struct SlidingMedian {
    typealias Lanes = SIMD8<Float>

    /// Lines filtered together.
    static let laneCount = Lanes.scalarCount

    /// Window length (odd).
    let size: Int
    /// `size + 2` vectors: a −∞ sentinel, the sorted window, a +∞ sentinel.
    private var window: [Lanes]
    /// The gathered, reflect-extended lines, one vector per position.
    private var extended: [Lanes] = []

    init(size: Int) {
        precondition(size > 0 && size % 2 == 1, "SlidingMedian needs an odd positive size")
        self.size = size
        window = [Lanes](repeating: Lanes(repeating: .infinity), count: size + 2)
        window[0] = Lanes(repeating: -.infinity)
    }

    /// Where value `p` of line `l` lives: `l * lane + p * position` values from a base address.
    struct Strides {
        var lane: Int
        var position: Int
    }

    /// Filters `lanes` (≤ 8) lines of `count` values. Value `p` of line `l` is read from `input` at
    /// `inputStrides`; its median is written to `output` at `outputStrides`.
    mutating func filter(_ input: UnsafePointer<Float>, _ inputStrides: Strides, into output: UnsafeMutablePointer<Float>,
                         _ outputStrides: Strides, lanes: Int, count: Int) {
        precondition(count > 0 && lanes > 0 && lanes <= Self.laneCount, "SlidingMedian needs 1...8 non-empty lines")
        let half = size / 2, size = self.size
        let (laneStride, positionStride) = (outputStrides.lane, outputStrides.position)
        gather(input, inputStrides, lanes: lanes, count: count)
        extended.withUnsafeBufferPointer { extended in
            window.withUnsafeMutableBufferPointer { window in
                let line = extended.baseAddress!, sorted = window.baseAddress!
                for j in 1...size { sorted[j] = Lanes(repeating: .infinity) }
                for j in 0..<size { Self.insert(line[j], into: sorted, filled: j) }
                Self.scatter(sorted[1 + half], to: output, lanes: lanes, laneStride: laneStride)
                for position in 1..<count {
                    Self.replace(line[position - 1], by: line[position - 1 + size], in: sorted, size: size)
                    Self.scatter(sorted[1 + half], to: output + position * positionStride, lanes: lanes,
                                 laneStride: laneStride)
                }
            }
        }
    }

    /// Copies the lines, reflect-extended by `size / 2` values at each end, into `extended`.
    private mutating func gather(_ input: UnsafePointer<Float>, _ strides: Strides, lanes: Int, count: Int) {
        let half = size / 2
        let extendedCount = count + 2 * half
        if extended.count < extendedCount {
            extended = [Lanes](repeating: Lanes(), count: extendedCount)
        }
        extended.withUnsafeMutableBufferPointer { extended in
            for position in 0..<extendedCount {
                let source = input + Self.reflect(position - half, count: count) * strides.position
                if strides.lane == 1, lanes == Self.laneCount {
                    extended[position] = UnsafeRawPointer(source).loadUnaligned(as: Lanes.self)
                } else {
                    var vector = Lanes()
                    for lane in 0..<lanes { vector[lane] = source[lane * strides.lane] }
                    extended[position] = vector
                }
            }
        }
    }

    @inline(__always)
    private static func scatter(_ medians: Lanes, to output: UnsafeMutablePointer<Float>, lanes: Int, laneStride: Int) {
        if laneStride == 1, lanes == laneCount {
            UnsafeMutableRawPointer(output).storeBytes(of: medians, as: Lanes.self)
            return
        }
        for lane in 0..<lanes { output[lane * laneStride] = medians[lane] }
    }

    /// `index` folded into `0..<count` by repeated half-sample-symmetric reflection.
    @inline(__always)
    static func reflect(_ index: Int, count: Int) -> Int {
        if index >= 0 && index < count { return index }
        let period = 2 * count
        var folded = index % period
        if folded < 0 { folded += period }
        return folded < count ? folded : period - 1 - folded
    }

    /// Inserts `value` into the sorted `sorted[1...filled]` (followed by +∞).
    @inline(__always)
    private static func insert(_ value: Lanes, into sorted: UnsafeMutablePointer<Lanes>, filled: Int) {
        var carry = value
        for i in 1...(filled + 1) {
            let low = minimum(sorted[i], carry)
            carry = maximum(sorted[i], carry)
            sorted[i] = low
        }
    }

    /// Replaces one occurrence of `old` by `new` in every lane of the sorted `sorted[1...size]`.
    @inline(__always)
    private static func replace(_ old: Lanes, by new: Lanes, in sorted: UnsafeMutablePointer<Lanes>, size: Int) {
        var previous = Lanes(repeating: -.infinity)
        var slot = sorted + 1
        var current = slot.pointee
        let end = slot + size
        while slot < end {
            let next = slot[1]
            let removed = next.replacing(with: current, where: current .< old)
            slot.pointee = minimum(removed, maximum(new, previous))
            previous = removed
            current = next
            slot += 1
        }
    }

    /// Lane-wise minimum, in the form the compiler maps to `minps` (the standard library's
    /// `pointwiseMin` is not vectorised).
    @inline(__always)
    private static func minimum(_ a: Lanes, _ b: Lanes) -> Lanes { b.replacing(with: a, where: a .< b) }

    /// Lane-wise maximum, in the form the compiler maps to `maxps` (`a > b ? a : b`).
    @inline(__always)
    private static func maximum(_ a: Lanes, _ b: Lanes) -> Lanes { b.replacing(with: a, where: a .> b) }
}
