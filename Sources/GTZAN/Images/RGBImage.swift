/// An RGB image as channel-planar floats (`3 × height × width`, values 0…255), ready for an NCHW tensor.
public struct RGBImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    /// Red plane, then green, then blue; row-major within each plane.
    public var values: [Float]

    /// - Throws: `GTZANError.invalidParameter` unless `values.count == 3 · width · height` and both sizes are positive.
    public init(width: Int, height: Int, values: [Float]) throws {
        guard width > 0, height > 0, values.count == 3 * width * height else {
            throw GTZANError.invalidParameter("image", reason: "\(values.count) values for 3 × \(height) × \(width)")
        }
        self.width = width
        self.height = height
        self.values = values
    }

    /// Bilinear resampling to `width × height` with half-pixel centres and no antialiasing — the
    /// arithmetic of `tf.image.resize(method="bilinear")` (Keras `image_dataset_from_directory`) and
    /// `torch.nn.functional.interpolate(mode="bilinear", align_corners=False)`.
    public func resized(width newWidth: Int, height newHeight: Int) throws -> RGBImage {
        guard newWidth > 0, newHeight > 0 else {
            throw GTZANError.invalidParameter("image size", reason: "\(newWidth) × \(newHeight) must be positive")
        }
        let xs = Self.samplingPositions(from: width, to: newWidth)
        let ys = Self.samplingPositions(from: height, to: newHeight)
        var out = [Float](repeating: 0, count: 3 * newWidth * newHeight)
        values.withUnsafeBufferPointer { source in
            out.withUnsafeMutableBufferPointer { target in
                for channel in 0..<3 {
                    let plane = channel * width * height
                    let outPlane = channel * newWidth * newHeight
                    for (row, y) in ys.enumerated() {
                        let top = plane + y.low * width
                        let bottom = plane + y.high * width
                        for (column, x) in xs.enumerated() {
                            let upper = source[top + x.low] + (source[top + x.high] - source[top + x.low]) * x.weight
                            let lower = source[bottom + x.low] + (source[bottom + x.high] - source[bottom + x.low]) * x.weight
                            target[outPlane + row * newWidth + column] = upper + (lower - upper) * y.weight
                        }
                    }
                }
            }
        }
        return try RGBImage(width: newWidth, height: newHeight, values: out)
    }

    /// For each output index: the two source indices and the weight of the second
    /// (source coordinate `(i + 0.5) · in/out − 0.5`, clamped at 0).
    private static func samplingPositions(from size: Int, to newSize: Int) -> [(low: Int, high: Int, weight: Float)] {
        let scale = Float(size) / Float(newSize)
        return (0..<newSize).map { i in
            let position = max(0, (Float(i) + 0.5) * scale - 0.5)
            let low = min(Int(position), size - 1)
            let high = min(low + 1, size - 1)
            return (low, high, position - Float(low))
        }
    }
}
