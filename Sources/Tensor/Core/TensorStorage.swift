/// The heap buffer behind one or more `Tensor` values (copy-on-write).
///
/// A 64-byte aligned block of `Float`, released when the last tensor sharing it goes away. Tensors
/// copy it only when written while shared (see `Tensor.withUnsafeMutableBufferPointer`). Large
/// blocks come from and return to `TensorBufferCache`, so a new buffer may hold stale values.
///
/// `@unchecked Sendable`, as `Array`'s buffer is: its fields are constants, and its elements are written only while
/// one tensor holds the only reference (`isKnownUniquelyReferenced`, otherwise the tensor copies first) or before
/// the new storage is shared (kernels filling a fresh output). Tensors on other tasks therefore only ever read it.
@usableFromInline
final class TensorStorage: @unchecked Sendable {
    /// Number of `Float` elements.
    @usableFromInline let count: Int
    /// Start of the buffer; valid for `count` elements (at least one element is always allocated).
    @usableFromInline let pointer: UnsafeMutablePointer<Float>
    /// Bytes really allocated (a reused buffer may be larger than `count` needs).
    private let capacity: Int

    /// An uninitialised buffer of `count` elements.
    @usableFromInline
    init(uninitializedCount count: Int) {
        self.count = count
        let buffer = TensorBufferCache.allocate(byteCount: Swift.max(count, 1) * MemoryLayout<Float>.stride)
        pointer = buffer.pointer.bindMemory(to: Float.self, capacity: Swift.max(count, 1))
        capacity = buffer.capacity
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
        TensorBufferCache.deallocate(UnsafeMutableRawPointer(pointer), capacity: capacity)
    }
}
