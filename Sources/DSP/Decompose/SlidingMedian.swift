/// The running median of a window of odd length sliding along a line of values, with SciPy's
/// `mode="reflect"` edges (`d c b a | a b c d | d c b a`).
///
/// The window is kept sorted: each step replaces the sample leaving the window by the one
/// entering it and moves it to its place, so a step costs a binary search and a short shift.
/// One instance owns its scratch buffers and is reused for every line of a matrix.
struct SlidingMedian {
    /// Window length (odd).
    let size: Int
    private var window: [Float]
    private var extended: [Float]

    init(size: Int) {
        precondition(size > 0 && size % 2 == 1, "SlidingMedian needs an odd positive size")
        self.size = size
        window = [Float](repeating: 0, count: size)
        extended = []
    }

    /// Writes the median-filtered `count` values read from `input` (every `inputStride`-th
    /// float) to `output` (every `outputStride`-th float).
    mutating func filter(_ input: UnsafePointer<Float>, inputStride: Int, count: Int,
                         into output: UnsafeMutablePointer<Float>, outputStride: Int) {
        precondition(count > 0, "SlidingMedian needs a non-empty line")
        let half = size / 2
        let extendedCount = count + 2 * half
        if extended.count < extendedCount { extended = [Float](repeating: 0, count: extendedCount) }
        let size = self.size
        extended.withUnsafeMutableBufferPointer { extended in
            window.withUnsafeMutableBufferPointer { window in
                let line = extended.baseAddress!, sorted = window.baseAddress!
                for j in 0..<count { line[half + j] = input[j * inputStride] }
                for j in 0..<half {
                    line[j] = input[Self.reflect(j - half, count: count) * inputStride]
                    line[half + count + j] = input[Self.reflect(count + j, count: count) * inputStride]
                }
                for j in 0..<size { Self.insert(line[j], into: sorted, filled: j) }
                output[0] = sorted[half]
                for i in 1..<count {
                    Self.replace(line[i - 1], by: line[i - 1 + size], in: sorted, size: size)
                    output[i * outputStride] = sorted[half]
                }
            }
        }
    }

    /// `index` folded into `0..<count` by repeated half-sample-symmetric reflection.
    @inline(__always)
    static func reflect(_ index: Int, count: Int) -> Int {
        let period = 2 * count
        var folded = index % period
        if folded < 0 { folded += period }
        return folded < count ? folded : period - 1 - folded
    }

    /// Inserts `value` into the sorted prefix of `filled` values.
    @inline(__always)
    private static func insert(_ value: Float, into sorted: UnsafeMutablePointer<Float>, filled: Int) {
        var position = filled
        while position > 0 && sorted[position - 1] > value {
            sorted[position] = sorted[position - 1]
            position -= 1
        }
        sorted[position] = value
    }

    /// Replaces one occurrence of `old` by `new` and restores the order: a binary search finds
    /// `old`, then the values between it and `new`'s place shift by one.
    @inline(__always)
    private static func replace(_ old: Float, by new: Float, in sorted: UnsafeMutablePointer<Float>, size: Int) {
        var low = 0, high = size - 1
        while low < high {
            let middle = (low + high) >> 1
            if sorted[middle] < old { low = middle + 1 } else { high = middle }
        }
        var position = low
        if new > old {
            while position + 1 < size && sorted[position + 1] < new {
                sorted[position] = sorted[position + 1]
                position += 1
            }
        } else {
            while position > 0 && sorted[position - 1] > new {
                sorted[position] = sorted[position - 1]
                position -= 1
            }
        }
        sorted[position] = new
    }
}
