/// One spatial axis of a sliding-window op (convolution or pooling) with its padding resolved.
///
/// Output `o` with kernel tap `t` reads input index `o · stride − padBefore + t · dilation`;
/// indices outside `0..<inputSize` are padding.
struct WindowAxis: Equatable {
    var inputSize: Int
    var kernelSize: Int
    var stride: Int
    var dilation: Int
    var padBefore: Int
    var padAfter: Int
    var outputSize: Int

    /// Resolves an axis with PyTorch's output-size rule: `⌊(in + pads − span) / stride⌋ + 1`,
    /// rounded up instead with `ceilMode`, where a last window that would start in the trailing
    /// padding is dropped (as `torch.nn.MaxPool2d(ceil_mode=True)`).
    init(inputSize: Int, kernelSize: Int, stride: Int, dilation: Int,
         padBefore: Int, padAfter: Int, ceilMode: Bool = false) {
        self.inputSize = inputSize
        self.kernelSize = kernelSize
        self.stride = stride
        self.dilation = dilation
        self.padBefore = padBefore
        self.padAfter = padAfter
        let room = inputSize + padBefore + padAfter - (dilation * (kernelSize - 1) + 1)
        if room < 0 {
            outputSize = 0
        } else if ceilMode {
            var size = (room + stride - 1) / stride + 1
            if (size - 1) * stride >= inputSize + padBefore { size -= 1 }
            outputSize = size
        } else {
            outputSize = room / stride + 1
        }
    }

    /// TensorFlow/Keras "same" padding: the output has `⌈in / stride⌉` elements and the total padding
    /// needed for that is split with the odd element after (bottom/right).
    static func samePadding(inputSize: Int, kernelSize: Int, stride: Int,
                            dilation: Int) -> (before: Int, after: Int) {
        let outputSize = (inputSize + stride - 1) / stride
        let total = max((outputSize - 1) * stride + dilation * (kernelSize - 1) + 1 - inputSize, 0)
        return (total / 2, total - total / 2)
    }

    /// The input index read by output `output` at kernel tap `tap` (may fall in the padding).
    @inline(__always)
    func inputIndex(output: Int, tap: Int) -> Int {
        output * stride - padBefore + tap * dilation
    }

    /// The outputs whose kernel tap `tap` reads inside the input (not padding).
    func validOutputs(tap: Int) -> Range<Int> {
        let offset = tap * dilation - padBefore
        // o · stride + offset ≥ 0  and  o · stride + offset ≤ inputSize − 1
        let lower = min(offset >= 0 ? 0 : (-offset + stride - 1) / stride, outputSize)
        let last = inputSize - 1 - offset
        let upper = last < 0 ? 0 : min(last / stride + 1, outputSize)
        return lower..<max(lower, upper)
    }

    /// The input range covered by the window of `output`, clipped to the input.
    @inline(__always)
    func window(output: Int) -> (start: Int, end: Int) {
        let start = output * stride - padBefore
        return (max(start, 0), min(start + (kernelSize - 1) * dilation + 1, inputSize))
    }
}

/// The two spatial axes of a 2-D sliding-window op over `height × width` planes.
struct WindowGeometry: Equatable {
    var height: WindowAxis
    var width: WindowAxis

    var inputPlane: Int { height.inputSize * width.inputSize }
    var outputPlane: Int { height.outputSize * width.outputSize }
    var kernelArea: Int { height.kernelSize * width.kernelSize }
}
