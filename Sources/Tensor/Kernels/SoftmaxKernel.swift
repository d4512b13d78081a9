import ConcurrencySupport
import Foundation

/// Softmax and log-softmax along the middle axis of a row-major block viewed as
/// `[outer, length, inner]`: each of the `outer · inner` lanes has `length` elements `inner` apart.
struct SoftmaxKernel {
    var outer: Int
    var length: Int
    var inner: Int
    /// Log-softmax instead of softmax.
    var logarithm: Bool

    /// Applies the function to every lane of `input`, subtracting the lane maximum first so that
    /// large inputs cannot overflow.
    func forward(_ input: UnsafePointer<Float>, _ output: UnsafeMutablePointer<Float>) {
        let (input, output) = (SharedPointer(input), SharedPointer(output))
        forEachLane { start in
            let (x, y) = (input.readOnly + start, output.pointer + start)
            var maximum = -Float.infinity
            for k in 0..<length { maximum = Swift.max(maximum, x[k * inner]) }
            var total: Float = 0
            for k in 0..<length {
                let shifted = x[k * inner] - maximum
                y[k * inner] = logarithm ? shifted : Foundation.exp(shifted)
                total += Foundation.exp(shifted)
            }
            if logarithm {
                let logTotal = Foundation.log(total)
                for k in 0..<length { y[k * inner] -= logTotal }
            } else {
                let scale = 1 / total
                for k in 0..<length { y[k * inner] *= scale }
            }
        }
    }

    /// Input gradient from the forward `output` and the output `gradient`: `y · (g − Σ g·y)` for
    /// softmax, `g − eʸ · Σ g` for log-softmax.
    func backward(output: UnsafePointer<Float>, gradient: UnsafePointer<Float>,
                  inputGradient: UnsafeMutablePointer<Float>) {
        let (output, gradient, inputGradient) = (SharedPointer(output), SharedPointer(gradient), SharedPointer(inputGradient))
        forEachLane { start in
            let (y, g, dx) = (output.readOnly + start, gradient.readOnly + start, inputGradient.pointer + start)
            var total: Float = 0
            for k in 0..<length { total += logarithm ? g[k * inner] : g[k * inner] * y[k * inner] }
            for k in 0..<length {
                let (yk, gk) = (y[k * inner], g[k * inner])
                dx[k * inner] = logarithm ? gk - Foundation.exp(yk) * total : yk * (gk - total)
            }
        }
    }

    /// Calls `body(offsetOfLaneStart)` for every lane, lanes split across workers.
    @inline(__always)
    private func forEachLane(_ body: @Sendable (Int) -> Void) {
        let lanes = outer * inner
        Parallel.parallelFor(0..<lanes, minimumChunk: Swift.max(1, Tensor.elementwiseChunk / Swift.max(length, 1))) { range in
            for lane in range { body((lane / inner) * length * inner + lane % inner) }
        }
    }
}
