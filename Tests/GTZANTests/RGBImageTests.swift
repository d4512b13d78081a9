import Foundation
import GTZAN
import TestSupport
import XCTest

final class RGBImageTests: XCTestCase {
    func testBilinearResizeMatchesTorchInterpolate() throws {
        let source = try NPYArray.fixture("GTZAN/image_3x9x12.npy")
        let expected = try NPYArray.fixture("GTZAN/image_resized_3x16x8.npy")
        let image = try RGBImage(width: 12, height: 9, values: source.values)
        let resized = try image.resized(width: 8, height: 16)
        XCTAssertEqual([resized.height, resized.width], [16, 8])
        assertClose(resized.values, expected.values, atol: 1e-4)
    }

    func testReadsRGBAPNGDroppingAlpha() throws {
        let image = try RGBImage(contentsOfPNG: Fixtures.url("GTZAN/rgba_4x3.png"))
        XCTAssertEqual([image.width, image.height], [4, 3])
        let plane = 12
        let (x, y) = (3, 2)
        XCTAssertEqual(image.values[y * 4 + x], 60)
        XCTAssertEqual(image.values[plane + y * 4 + x], 80)
        XCTAssertEqual(image.values[2 * plane + y * 4 + x], 35)
    }

    func testPNGRoundTrip() throws {
        let values = (0..<3 * 5 * 7).map { Float($0 % 256) }
        let image = try RGBImage(width: 5, height: 7, values: values)
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("x.png")
        try image.writePNG(to: url)
        XCTAssertEqual(try RGBImage(contentsOfPNG: url), image)
    }

    func testBadInputThrows() throws {
        let url = try Fixtures.temporaryDirectory().appendingPathComponent("fake.png")
        try Data("no image".utf8).write(to: url)
        XCTAssertThrowsError(try RGBImage(contentsOfPNG: url)) { XCTAssertTrue("\($0)".contains("fake.png")) }
        XCTAssertThrowsError(try RGBImage(width: 2, height: 2, values: [1, 2]))
        XCTAssertThrowsError(try RGBImage(width: 1, height: 1, values: [1, 2, 3]).resized(width: 0, height: 1))
    }
}
