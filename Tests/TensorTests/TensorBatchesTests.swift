import Tensor
import XCTest

final class TensorBatchesTests: XCTestCase {
    private func source(shuffled: Bool) throws -> TensorBatches {
        let inputs = try Tensor((0..<10).flatMap { [Float(2 * $0), Float(2 * $0) + 0.5] }, shape: [10, 2])
        let seed: @Sendable (Int) -> UInt64 = { epoch in UInt64(7 + epoch) }
        let seeds = shuffled ? seed : nil
        return try TensorBatches(inputs: inputs, labels: Array(0..<10), batchSize: 4, shuffleSeed: seeds)
    }

    func testEveryEpochVisitsEverySampleOnceInASeededOrder() throws {
        let source = try source(shuffled: true)
        let epoch = { (index: Int) in source.epoch(index).flatMap(\.labels) }
        XCTAssertEqual(epoch(0).sorted(), Array(0..<10))
        XCTAssertEqual(epoch(0), epoch(0))
        XCTAssertNotEqual(epoch(0), epoch(1))
        XCTAssertEqual(source.epoch(0).map(\.labels.count), [4, 4, 2])
        for batch in source.epoch(1) {
            XCTAssertEqual(batch.inputs.scalars, batch.labels.flatMap { [Float(2 * $0), Float(2 * $0) + 0.5] }, "inputs follow their labels")
            XCTAssertEqual(batch.items, batch.labels)
        }
    }

    func testWithoutASeedBatchesKeepSampleOrder() throws {
        XCTAssertEqual(try source(shuffled: false).epoch(3).flatMap(\.labels), Array(0..<10))
    }

    func testALimitCutsTheEpochAndTheCountSaysSo() throws {
        let source = try source(shuffled: true)
        XCTAssertEqual(source.batchCount, 3)
        let limited = source.epoch(0, limit: 2)
        XCTAssertEqual(limited.count, 2)
        XCTAssertEqual(Array(limited).count, 2)
        XCTAssertEqual(source.epoch(0, limit: 2).flatMap(\.labels), Array(source.epoch(0).flatMap(\.labels).prefix(8)))
    }

    func testMismatchedSamplesAreRejected() throws {
        XCTAssertThrowsError(try TensorBatches(inputs: Tensor.zeros([3, 2]), labels: [0, 1], batchSize: 1)) {
            XCTAssertTrue("\($0)".contains("one sample per label"), "\($0)")
        }
        XCTAssertThrowsError(try TensorBatches(inputs: Tensor.zeros([2, 2]), labels: [0, 1], batchSize: 0))
    }

    func testAFailingBatchEndsTheEpochAndIsKept() throws {
        struct Unreadable: Error {}
        final class Failing: BatchSource, @unchecked Sendable {
            let batchSize = 1, prefetch = 1, labels = [0, 1, 2]
            func order(epoch: Int) -> [Int] { [0, 1, 2] }
            func batch(_ items: [Int], epoch: Int) throws -> Batch {
                guard items != [1] else { throw Unreadable() }
                return Batch(inputs: Tensor.zeros([1, 1]), labels: [labels[items[0]]], items: items)
            }
        }
        let iterator = Failing().epoch(0)
        XCTAssertEqual(Array(iterator).flatMap(\.labels), [0])
        XCTAssertTrue(iterator.failure is Unreadable)
        let direct = Failing().epoch(0)
        XCTAssertNotNil(try direct.nextBatch())
        XCTAssertThrowsError(try direct.nextBatch()) { XCTAssertTrue($0 is Unreadable) }
    }
}
