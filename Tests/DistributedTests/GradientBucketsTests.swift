@testable import Distributed
import NN
import Tensor
import XCTest

/// Packing gradients into few buckets and back, without MPI (the sums are those of one rank).
final class GradientBucketsTests: XCTestCase {
    func testBucketsCloseAtCapacityAndTheLastHoldsTheSampleCount() {
        let buckets = GradientBuckets(counts: [3, 4, 10, 2, 1], capacity: 6)
        XCTAssertEqual(buckets.bounds, [0..<7, 7..<17, 17..<21])
        XCTAssertEqual(buckets.storage.count, 21)
        XCTAssertEqual(GradientBuckets(counts: [5], capacity: 1 << 20).bounds, [0..<6])
    }

    func testPackWeighsGradientsAndUnpackDividesByTheSummedWeight() throws {
        let parameters = [Parameter(Tensor([1, 2, 3])), Parameter(Tensor([4, 5])), Parameter(Tensor([6]))]
        parameters[0].value.grad = Tensor([0.5, -1, 2])
        parameters[2].value.grad = Tensor([3])
        var buckets = GradientBuckets(counts: parameters.map(\.value.count), capacity: 2)
        buckets.pack(parameters, weight: 4)
        XCTAssertEqual(buckets.storage, [2, -4, 8, 0, 0, 12, 4])
        // What a second rank with 12 samples and gradients 1 everywhere would add in the allreduce.
        buckets.storage = zip(buckets.storage, [12, 12, 12, 12, 12, 12, 12]).map(+)
        buckets.unpack(into: parameters)
        XCTAssertEqual(parameters[0].grad?.scalars, [14 / 16, 8 / 16, 20 / 16])
        XCTAssertEqual(parameters[1].grad?.scalars, [12 / 16, 12 / 16], "a missing gradient counts as zeros and is set")
        XCTAssertEqual(parameters[2].grad?.scalars, [24 / 16])
    }
}
