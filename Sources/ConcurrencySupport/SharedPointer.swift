/// An unsafe pointer handed to the concurrent chunks of one parallel loop (`Parallel.parallelFor`,
/// `DispatchQueue.concurrentPerform`), which need `Sendable` captures.
///
/// The one way GenreKit's loops share memory between threads. The rule every use follows: the chunks
/// only read memory that no chunk writes, write disjoint elements, and the loop returns before the
/// memory is read by anyone else or freed.
///
/// ```swift
/// let out = SharedPointer(buffer)
/// DispatchQueue.concurrentPerform(iterations: count) { index in out[index] = f(index) }
/// ```
public struct SharedPointer<Pointee>: @unchecked Sendable {
    // @unchecked: a pointer is not Sendable; safe under the disjoint-writes rule above, which each use keeps.
    /// The shared address; nil for an empty buffer.
    public let address: UnsafeMutablePointer<Pointee>?

    /// Shares `pointer`.
    @inlinable public init(_ pointer: UnsafeMutablePointer<Pointee>?) { address = pointer }

    /// Shares `pointer` for reading.
    @inlinable public init(_ pointer: UnsafePointer<Pointee>?) { address = pointer.map(UnsafeMutablePointer.init(mutating:)) }

    /// Shares the start of `buffer`.
    @inlinable public init(_ buffer: UnsafeMutableBufferPointer<Pointee>) { address = buffer.baseAddress }

    /// Shares the start of `buffer` for reading.
    @inlinable public init(_ buffer: UnsafeBufferPointer<Pointee>) { self.init(buffer.baseAddress) }

    /// The address, for writing (not valid for an empty buffer).
    @inlinable public var pointer: UnsafeMutablePointer<Pointee> { address! }

    /// The address, for reading (not valid for an empty buffer).
    @inlinable public var readOnly: UnsafePointer<Pointee> { UnsafePointer(address!) }

    /// The address for reading, nil when none was shared.
    @inlinable public var readOnlyAddress: UnsafePointer<Pointee>? { address.map { UnsafePointer($0) } }

    /// The element at `index`.
    @inlinable public subscript(index: Int) -> Pointee {
        get { address![index] }
        nonmutating set { address![index] = newValue }
    }

    /// The elements `range`, for writing.
    @inlinable public func buffer(_ range: Range<Int>) -> UnsafeMutableBufferPointer<Pointee> {
        UnsafeMutableBufferPointer(start: address.map { $0 + range.lowerBound }, count: range.count)
    }
}
