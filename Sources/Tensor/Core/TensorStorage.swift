/// The heap buffer behind one or more `Tensor` values (copy-on-write).
///
/// A 64-byte aligned block of `Float`, released when the last tensor sharing it goes away. Tensors
/// copy it only when written while shared (see `Tensor.withUnsafeMutableBufferPointer`). Large
/// blocks come from and return to `TensorBufferCache`, so a new buffer may hold stale values.
@usableFromInline
final class TensorStorage {
    /// Number of `Float` elements.
    @usableFromInline let count: Int
    /// Start of the buffer; valid for `count` elements (at least one element is always allocated).
    @usableFromInline let pointer: UnsafeMutablePointer<Float>

    /// An uninitialised buffer of `count` elements.
    @usableFromInline
    init(uninitializedCount count: Int) {
        self.count = count
        pointer = TensorBufferCache.allocate(byteCount: Self.byteCount(of: count))
            .bindMemory(to: Float.self, capacity: Swift.max(count, 1))
    }

    /// A buffer of `count` elements all equal to `value`.
    @usableFromInline
    convenience init(repeating value: Float, count: Int) {
        self.init(uninitializedCount: count)
        pointer.initialize(repeating: value, count: count)
    }

    /// An independent copy of this buffer.
    @usableFromInline
    func copy() -> TensorStorage {
        let result = TensorStorage(uninitializedCount: count)
        result.pointer.initialize(from: pointer, count: count)
        return result
    }

    deinit {
        TensorBufferCache.deallocate(UnsafeMutableRawPointer(pointer), byteCount: Self.byteCount(of: count))
    }

    /// Bytes allocated for `count` elements (at least one).
    private static func byteCount(of count: Int) -> Int {
        Swift.max(count, 1) * MemoryLayout<Float>.stride
    }
}
