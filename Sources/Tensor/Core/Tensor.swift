// The Tensor module: a Float32, row-major (NCHW for images) tensor with reverse-mode automatic
// differentiation on OpenBLAS, whose numbers match PyTorch.
//
// - `Tensor` (this file): value semantics over copy-on-write storage, `shape`, `strides`, element access.
// - Autograd (`Autograd/`): `requiresGrad`, `backward()`, `grad`, `Tensor.withoutGrad`, and
//   `Tensor.makeResult(_:parents:backward:)`, the single way every op records its backward ("Adding an op").
// - `Parallel`: thread count (API and `GENREKIT_THREADS`), `parallelFor`, OpenBLAS thread control.
// - `RandomGenerator`: seeded SplitMix64 stream for `Tensor.uniform`, `normal`, `bernoulli`.
// - `GradientCheck`: central-difference check of any function or layer, in double precision.
// - Ops: elementwise with NumPy broadcasting, reductions, shape ops, `matmul`.

/// A dense Float32 tensor in row-major order with value semantics and reverse-mode autodiff.
///
/// Copies share storage until one of them is written (copy-on-write), so passing tensors around is
/// cheap. A tensor that takes part in autodiff also carries a reference to its graph node: copies of
/// a parameter share its `grad`, as Python references to a `torch.Tensor` do.
///
/// `Sendable`: tensors may be created on one task and used on another (batches prepared in the background, a
/// model's parameters read by inference on many tasks), as `Array` can, because the storage is copied before a
/// shared tensor is written. Gradients accumulate into a leaf (a parameter) under a lock, so backward passes of
/// different graphs may share leaves; one graph must be differentiated by one `backward()` at a time.
///
/// ```swift
/// var w = Tensor.normal([3, 2], using: &rng)
/// w.requiresGrad = true
/// let loss = (x.matmul(w) - y).pow(2).mean()
/// loss.backward()
/// print(w.grad!)
/// ```
public struct Tensor: Sendable {
    /// Sizes of the dimensions, outermost first (`[N, C, H, W]` for images). `[]` for a scalar.
    @inlinable public var shape: [Int] { storedShape }
    @usableFromInline var storedShape: [Int]
    @usableFromInline var storage: TensorStorage
    /// The autodiff node: set for leaves with `requiresGrad` and for results of recorded ops.
    @usableFromInline var node: GradNode?

    /// Wraps `storage` (which must hold exactly `shape.product` elements) without copying.
    @inlinable
    init(shape: [Int], storage: TensorStorage) {
        self.storedShape = shape
        self.storage = storage
        self.node = nil
    }

    /// A tensor of `shape` whose elements are written by `initializer` (every element must be written).
    ///
    /// The way kernels create outputs without first zero-filling them.
    @inlinable
    public init(shape: [Int], unsafeUninitializedWith initializer: (UnsafeMutableBufferPointer<Float>) throws -> Void) rethrows {
        let count = Tensor.elementCount(of: shape)
        let storage = TensorStorage(uninitializedCount: count)
        try initializer(UnsafeMutableBufferPointer(start: storage.pointer, count: count))
        self.init(shape: shape, storage: storage)
    }

    /// A tensor holding `values` in row-major order, shaped `shape` (as `torch.tensor(values).reshape(shape)`).
    ///
    /// - Throws: `TensorError` when a dimension is negative or `values.count` does not fill `shape`.
    public init(_ values: [Float], shape: [Int]) throws {
        guard shape.allSatisfy({ $0 >= 0 }) else { throw TensorError.invalidShape(shape: shape, parameter: "shape") }
        guard values.count == shape.reduce(1, *) else {
            throw TensorError.countMismatch(count: values.count, shape: shape, parameter: "values")
        }
        self.init(shape: shape) { buffer in _ = buffer.initialize(from: values) }
    }

    /// A one-dimensional tensor holding `values` (shape `[values.count]`).
    public init(_ values: [Float]) {
        self.init(shape: [values.count]) { buffer in _ = buffer.initialize(from: values) }
    }

    /// A scalar tensor (shape `[]`).
    public init(_ value: Float) {
        self.init(shape: [], storage: TensorStorage(repeating: value, count: 1))
    }

    /// Number of elements, the product of `shape` (1 for a scalar).
    @inlinable public var count: Int { storage.count }

    /// Number of dimensions (0 for a scalar).
    @inlinable public var rank: Int { shape.count }

    /// Element strides of the row-major layout: `strides[i]` is the distance between neighbours along axis `i`.
    public var strides: [Int] { Tensor.contiguousStrides(for: shape) }

    /// The elements in row-major order.
    public var scalars: [Float] {
        withUnsafeBufferPointer { Array($0) }
    }

    /// The value of a one-element tensor, as PyTorch's `item()`.
    public func item() -> Float {
        precondition(count == 1, "item(): tensor of shape \(shape) has \(count) elements, not 1")
        return storage.pointer[0]
    }

    /// The element at `indices` (one per dimension). For tests and small lookups; kernels use buffers.
    public subscript(_ indices: Int...) -> Float {
        get { storage.pointer[offset(of: indices)] }
        set {
            let index = offset(of: indices)
            withUnsafeMutableBufferPointer { $0[index] = newValue }
        }
    }

    /// Calls `body` with the elements in row-major order.
    @inlinable
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// Calls `body` with writable elements, first copying the storage if another tensor shares it.
    ///
    /// Writes made here are not recorded by autodiff (as writes to `.data` in PyTorch).
    @inlinable
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Float>) throws -> R
    ) rethrows -> R {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return try body(UnsafeMutableBufferPointer(start: storage.pointer, count: storage.count))
    }

    /// The linear offset of `indices`, checked against the shape.
    private func offset(of indices: [Int]) -> Int {
        precondition(indices.count == shape.count, "index \(indices) does not match rank \(shape.count) of shape \(shape)")
        var offset = 0
        for (index, size) in zip(indices, shape) {
            precondition(index >= 0 && index < size, "index \(indices) out of range for shape \(shape)")
            offset = offset * size + index
        }
        return offset
    }

    /// The product of `shape`, checking that no dimension is negative.
    @inlinable
    static func elementCount(of shape: [Int]) -> Int {
        var count = 1
        for size in shape {
            precondition(size >= 0, "invalid shape \(shape): dimensions must be ≥ 0")
            count *= size
        }
        return count
    }

    /// Row-major strides of `shape`.
    static func contiguousStrides(for shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var stride = 1
        for axis in shape.indices.reversed() {
            strides[axis] = stride
            stride *= shape[axis]
        }
        return strides
    }

    /// `axis` with negative values counted from the end (`-1` is the last axis), checked against `rank`.
    func normalizedAxis(_ axis: Int, rank: Int? = nil, _ operation: StaticString = #function) -> Int {
        let rank = rank ?? self.rank
        let result = axis < 0 ? axis + rank : axis
        precondition(result >= 0 && result < rank, "\(operation): axis \(axis) out of range for shape \(shape)")
        return result
    }
}

extension Tensor: CustomStringConvertible {
    /// `Tensor(shape: [2, 2], [1.0, 2.0, 3.0, 4.0])`, eliding the middle of long tensors.
    public var description: String {
        let values = scalars
        let shown = values.count <= 12 ? values.map { "\($0)" }
            : values.prefix(6).map { "\($0)" } + ["…"] + values.suffix(6).map { "\($0)" }
        let gradient = node == nil ? "" : ", requiresGrad"
        return "Tensor(shape: \(shape), [\(shown.joined(separator: ", "))]\(gradient))"
    }
}
