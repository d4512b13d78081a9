import Synchronization
import Tensor
import XCTest

final class TensorBufferCacheTests: XCTestCase {
    private var savedMaximum = 0
    /// Elements of a 1 MiB buffer (a size class of its own).
    private let megabyteCount = (1 << 20) / MemoryLayout<Float>.stride

    override func setUp() {
        savedMaximum = TensorBufferCache.maximumByteCount
        TensorBufferCache.maximumByteCount = 64 << 20
        TensorBufferCache.purge()
    }

    override func tearDown() {
        TensorBufferCache.purge()
        TensorBufferCache.maximumByteCount = savedMaximum
    }

    /// A freed large buffer is cached, and `zeros` reusing it (stale 7s inside) is all zeros.
    func testZerosAfterReuseAreZero() {
        _ = Tensor.full([megabyteCount], value: 7)
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 1 << 20)
        let zeros = Tensor.zeros([megabyteCount])
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 0, "the cached buffer was not reused")
        XCTAssertTrue(zeros.withUnsafeBufferPointer { $0.allSatisfy { $0 == 0 } })
    }

    /// Sizes round up to quarter powers of two from 256 KiB; smaller sizes are kept exact.
    func testSizeClasses() {
        let mebibyte = 1 << 20
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: 1000), 1000)
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: TensorBufferCache.minimumByteCount - 4),
                       TensorBufferCache.minimumByteCount - 4)
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: mebibyte), mebibyte)
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: mebibyte + 1), mebibyte + mebibyte / 4)
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: 3 * mebibyte), 3 * mebibyte)
        XCTAssertEqual(TensorBufferCache.sizeClass(forByteCount: 3 * mebibyte + 1), 7 * mebibyte / 2)
    }

    /// Tensors of nearby sizes (same class) share a buffer; buffers below the minimum are not cached.
    func testNearSizesShareBufferAndSmallOnesBypass() {
        _ = Tensor.full([megabyteCount + 1000], value: 1)
        XCTAssertEqual(TensorBufferCache.cachedByteCount, (1 << 20) + (1 << 18))
        let reused = Tensor.full([megabyteCount + 60_000], value: 2)
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 0)
        XCTAssertEqual(reused.count, megabyteCount + 60_000)
        _ = Tensor.full([TensorBufferCache.minimumByteCount / 8], value: 3)
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 0)
    }

    /// The cache never exceeds its bound; it keeps the most recently freed buffers.
    func testBoundEvictsLeastRecentlyFreed() {
        TensorBufferCache.maximumByteCount = 3 << 20
        var tensors = (0..<4).map { Tensor.full([megabyteCount], value: Float($0)) }
        let addresses = tensors.map { $0.withUnsafeBufferPointer { $0.baseAddress } }
        tensors.removeAll()
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 3 << 20)
        let reused = (0..<3).map { _ in Tensor.zeros([megabyteCount]) }
        let reusedAddresses = Set(reused.map { $0.withUnsafeBufferPointer { $0.baseAddress } })
        XCTAssertEqual(reusedAddresses, Set(addresses[1...]), "the first freed buffer should have been evicted")
    }

    /// Lowering the bound evicts at once; `purge` empties the cache.
    func testPurgeAndLoweredBound() {
        _ = (0..<3).map { Tensor.full([megabyteCount], value: Float($0)) }
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 3 << 20)
        TensorBufferCache.maximumByteCount = 2 << 20
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 2 << 20)
        TensorBufferCache.purge()
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 0)
    }

    /// A request no cached buffer fits frees as many cached bytes as it allocates (peak memory stays flat).
    func testMissReleasesCachedBytes() {
        _ = (0..<3).map { Tensor.full([megabyteCount], value: Float($0)) }
        let larger = Tensor.zeros([2 * megabyteCount])
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 1 << 20)
        XCTAssertEqual(larger.count, 2 * megabyteCount)
    }

    /// A request whose size class is not cached takes the smallest cached buffer up to twice its size,
    /// which returns to the cache at its own size; a buffer more than twice too large is not taken.
    func testBestFitReusesLargerBufferUpToTwice() {
        let twoMegabytes = Tensor.full([2 * megabyteCount], value: 1)
        let address = twoMegabytes.withUnsafeBufferPointer { $0.baseAddress }
        _ = consume twoMegabytes
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 2 << 20)
        do {
            let smaller = Tensor.full([megabyteCount + 1000], value: 5)
            XCTAssertEqual(smaller.withUnsafeBufferPointer { $0.baseAddress }, address)
            XCTAssertEqual(TensorBufferCache.cachedByteCount, 0)
            XCTAssertTrue(smaller.withUnsafeBufferPointer { $0.allSatisfy { $0 == 5 } })
        }
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 2 << 20, "the buffer returns at its own size")
        _ = Tensor.zeros([megabyteCount / 2])
        XCTAssertEqual(TensorBufferCache.cachedByteCount, (2 << 20) + (1 << 19),
                       "a fresh 512 KiB buffer came back beside the 2 MiB one, which was not taken")
    }

    /// A miss keeps cached buffers while live plus cached memory stays within the peak of live memory
    /// plus a quarter of it, and releases the least recently freed ones beyond that.
    func testMissKeepsCachedBuffersWithinPeakPlusSlack() {
        _ = (0..<4).map { Tensor.full([megabyteCount], value: Float($0)) }  // peak: 4 MiB live
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 4 << 20)
        let larger = Tensor.zeros([3 * megabyteCount])
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 2 << 20, "3 MiB live + 2 MiB cached is within 4 + 1 MiB")
        let another = Tensor.zeros([2 * megabyteCount])
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 1 << 20, "5 MiB live is the new peak: 1 MiB cached fits its quarter")
        XCTAssertEqual(larger.count + another.count, 5 * megabyteCount)
    }

    /// A bound of 0 disables the cache.
    func testZeroBoundDisablesCache() {
        TensorBufferCache.maximumByteCount = 0
        _ = Tensor.full([megabyteCount], value: 1)
        XCTAssertEqual(TensorBufferCache.cachedByteCount, 0)
        XCTAssertTrue(Tensor.zeros([megabyteCount]).withUnsafeBufferPointer { $0.allSatisfy { $0 == 0 } })
    }

    /// `parallelFor` workers allocating and freeing concurrently never share a live buffer.
    func testConcurrentAllocateAndFree() {
        let savedThreads = Parallel.threadCount
        Parallel.threadCount = 4
        defer { Parallel.threadCount = savedThreads }
        let failures = Mutex(0), megabyteCount = megabyteCount
        Parallel.parallelFor(0..<64) { range in
            for index in range {
                let count = megabyteCount / 4 + (index % 3) * 40_000
                let first = Tensor.full([count], value: Float(index))
                let second = Tensor.full([count], value: -Float(index))
                let intact = first.withUnsafeBufferPointer { $0.allSatisfy { $0 == Float(index) } }
                    && second.withUnsafeBufferPointer { $0.allSatisfy { $0 == -Float(index) } }
                if !intact { failures.withLock { $0 += 1 } }
            }
        }
        XCTAssertEqual(failures.withLock { $0 }, 0)
        XCTAssertLessThanOrEqual(TensorBufferCache.cachedByteCount, TensorBufferCache.maximumByteCount)
        XCTAssertGreaterThan(TensorBufferCache.cachedByteCount, 0)
    }
}
