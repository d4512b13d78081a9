import Tensor
import TestSupport
import XCTest

/// The Winograd path of `conv2d` (3×3, stride 1, ≥ 8 input channels) against direct summation,
/// forward and both gradients, at the edges of its tiling: partial 4×4 tiles at the bottom and right,
/// a last group of four tiles overlapping the one before, padding 0 to 2 per side, several bands of
/// tile rows, and narrow planes (fewer than four tiles a row: groups of four tiles across rows and
/// images, the last group of a worker's images partly unused, bands spanning images).
final class WinogradConvolutionTests: XCTestCase {
    func testMatchesDirectSummation() {
        var rng = RandomGenerator(seed: 11)
        let cases: [(input: [Int], outChannels: Int, padding: Padding, pads: (top: Int, left: Int))] = [
            ([2, 8, 9, 16], 3, .explicit(1), (1, 1)),   // one group of four tiles, partial bottom tiles
            ([1, 9, 6, 19], 3, .valid, (0, 0)),         // 17 wide: five tiles, overlapping last group
            ([1, 8, 3, 27], 2, .perAxis([2, 0]), (2, 0)),
            ([2, 8, 7, 14], 3, .perAxis([0, 2]), (0, 2)),
            ([1, 40, 37, 70], 5, .explicit(1), (1, 1)), // two bands of tile rows
            ([3, 8, 65, 7], 5, .explicit(1), (1, 1)),   // resnet-mfcc's 65 × 7 planes: two tiles a row
            ([3, 9, 33, 4], 4, .explicit(1), (1, 1)),   // 33 × 4: one tile a row
            ([3, 8, 7, 5], 3, .perAxis([2, 1]), (2, 1)),
            ([3, 8, 6, 3], 2, .valid, (0, 0)),          // one tile an image: three of a group of four
            ([5, 128, 38, 3], 128, .explicit(1), (1, 1)), // bands of 28 tile rows across images
        ]
        for c in cases {
            var x = Tensor.normal(c.input, using: &rng)
            var w = Tensor.normal([c.outChannels, c.input[1], 3, 3], using: &rng)
            x.requiresGrad = true
            w.requiresGrad = true
            let y = x.conv2d(w, padding: c.padding)
            let seed = Tensor.normal(y.shape, using: &rng)
            y.backward(seed)
            let direct = DirectConvolution(input: c.input, outputShape: y.shape, pads: c.pads)
            let expected = direct.evaluate(x: x.scalars, w: w.scalars, outputGradient: seed.scalars)
            assertClose(y.scalars, expected.output, rtol: 1e-4, relativeToMax: true, "output \(c)")
            assertClose(x.grad!.scalars, expected.input, rtol: 1e-4, relativeToMax: true, "input gradient \(c)")
            assertClose(w.grad!.scalars, expected.weight, rtol: 1e-4, relativeToMax: true, "weight gradient \(c)")
        }
    }
}

/// 3×3 stride-1 cross-correlation by direct summation with zero padding, and its gradients.
private struct DirectConvolution {
    var input: [Int]
    var outputShape: [Int]
    var pads: (top: Int, left: Int)

    /// The output and the gradients of `⟨outputGradient, output⟩` with respect to `x` and `w`.
    func evaluate(x: [Float], w: [Float], outputGradient: [Float]) -> (output: [Float], input: [Float], weight: [Float]) {
        var (output, inputGradient) = ([Float](repeating: 0, count: outputGradient.count), [Float](repeating: 0, count: x.count))
        var weightGradient = [Float](repeating: 0, count: w.count)
        let (batch, channels, height, width) = (input[0], input[1], input[2], input[3])
        let (outChannels, outHeight, outWidth) = (outputShape[1], outputShape[2], outputShape[3])
        for n in 0..<batch {
            for o in 0..<outChannels {
                for row in 0..<outHeight {
                    for column in 0..<outWidth {
                        let out = ((n * outChannels + o) * outHeight + row) * outWidth + column
                        for c in 0..<channels {
                            for i in 0..<3 {
                                for j in 0..<3 {
                                    let (r, s) = (row + i - pads.top, column + j - pads.left)
                                    guard r >= 0, r < height, s >= 0, s < width else { continue }
                                    let at = ((n * channels + c) * height + r) * width + s
                                    let tap = ((o * channels + c) * 3 + i) * 3 + j
                                    output[out] += x[at] * w[tap]
                                    inputGradient[at] += outputGradient[out] * w[tap]
                                    weightGradient[tap] += outputGradient[out] * x[at]
                                }
                            }
                        }
                    }
                }
            }
        }
        return (output, inputGradient, weightGradient)
    }
}
