import XCTest
import Tensor

final class TensorTests: XCTestCase {
    func testCreationShapesAndStrides() throws {
        let x = try Tensor([1, 2, 3, 4, 5, 6], shape: [2, 3])
        XCTAssertEqual(x.shape, [2, 3])
        XCTAssertEqual(x.strides, [3, 1])
        XCTAssertEqual(x.count, 6)
        XCTAssertEqual(x[1, 2], 6)
        XCTAssertEqual(Tensor.zeros([2, 2]).scalars, [0, 0, 0, 0])
        XCTAssertEqual(Tensor.ones([3]).scalars, [1, 1, 1])
        XCTAssertEqual(Tensor.full([2], value: 7).scalars, [7, 7])
        XCTAssertEqual(Tensor.arange(0, 5).scalars, [0, 1, 2, 3, 4])
        XCTAssertEqual(Tensor.arange(1, 2, step: 0.25).scalars, [1, 1.25, 1.5, 1.75])
        XCTAssertEqual(Tensor(3).shape, [])
        XCTAssertEqual(Tensor(3).item(), 3)
    }

    func testBadShapesThrowTypedErrors() {
        XCTAssertThrowsError(try Tensor([1, 2, 3], shape: [2, 2])) { error in
            XCTAssertEqual(error as? TensorError, .countMismatch(count: 3, shape: [2, 2], parameter: "values"))
            XCTAssertTrue("\(error)".contains("values"))
        }
        XCTAssertThrowsError(try Tensor([], shape: [2, -1])) { error in
            XCTAssertEqual(error as? TensorError, .invalidShape(shape: [2, -1], parameter: "shape"))
        }
    }

    func testCopyOnWriteKeepsValueSemantics() throws {
        let original = try Tensor([1, 2, 3, 4], shape: [2, 2])
        var copy = original
        copy[0, 0] = 10
        XCTAssertEqual(original.scalars, [1, 2, 3, 4])
        XCTAssertEqual(copy.scalars, [10, 2, 3, 4])
        var reshaped = original.reshaped(to: [4])
        reshaped.withUnsafeMutableBufferPointer { $0[3] = -1 }
        XCTAssertEqual(original.scalars, [1, 2, 3, 4])
        XCTAssertEqual(reshaped.scalars, [1, 2, 3, -1])
    }
}
