import NN
import Tensor

/// The gradients of a list of parameters flattened into a few contiguous buffers, so that a step averages
/// them with a few large allreduce calls instead of one per tensor (Horovod's tensor fusion, DDP's buckets).
///
/// Parameters are packed in order; a bucket is closed once it holds `capacity` floats or more, so a bucket
/// exceeds `capacity` only by its last tensor. The last bucket carries one extra slot: the sample count.
struct GradientBuckets {
    /// Float counts of the parameters, in order (the layout the storage was made for).
    let counts: [Int]
    /// Where each bucket starts and ends in `storage`.
    let bounds: [Range<Int>]
    /// All buckets, one after the other, plus the sample-count slot.
    var storage: [Float]

    init(counts: [Int], capacity: Int) {
        self.counts = counts
        var bounds: [Range<Int>] = []
        var start = 0, end = 0
        for count in counts {
            end += count
            if end - start >= capacity {
                bounds.append(start..<end)
                start = end
            }
        }
        bounds.append(start..<end + 1)
        self.bounds = bounds
        storage = [Float](repeating: 0, count: end + 1)
    }

    /// Writes `parameters`' gradients, each multiplied by `weight`, and `weight` in the last slot.
    mutating func pack(_ parameters: [Parameter], weight: Float) {
        storage.withUnsafeMutableBufferPointer { out in
            var offset = 0
            for parameter in parameters {
                let target = UnsafeMutableBufferPointer(rebasing: out[offset..<offset + parameter.value.count])
                if let grad = parameter.grad {
                    grad.withUnsafeBufferPointer { source in
                        for index in source.indices { target[index] = source[index] * weight }
                    }
                } else {
                    target.update(repeating: 0)
                }
                offset += target.count
            }
            out[out.count - 1] = weight
        }
    }

    /// Sets `parameters`' gradients to the packed sums divided by the summed weight (the last slot).
    func unpack(into parameters: [Parameter]) {
        storage.withUnsafeBufferPointer { sums in
            let total = sums[sums.count - 1]
            var offset = 0
            for parameter in parameters {
                let start = offset
                parameter.value.grad = Tensor(shape: parameter.shape) { out in
                    for index in out.indices { out[index] = sums[start + index] / total }
                }
                offset += parameter.value.count
            }
        }
    }
}
