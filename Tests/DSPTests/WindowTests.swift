import DSP
import TestSupport
import XCTest

final class WindowTests: XCTestCase {
    func testWindowsMatchScipy() throws {
        let expected = try CoreFixture.matrix("windows")
        let actual = [Window.hann, .hamming, .blackman].map { $0.values(length: 64) }
            + [Window.hann.values(length: 64, periodic: false)]
        for (row, values) in actual.enumerated() {
            assertClose(values, Array(expected.row(row)), rtol: 0, atol: 1e-7, "window \(row)")
        }
        XCTAssertEqual(Window.rectangular.values(length: 5), [1, 1, 1, 1, 1])
    }

    func testPaddedWindowIsCentred() {
        let padded = Window.hann.values(length: 4, paddedTo: 8)
        XCTAssertEqual(padded, [0, 0] + Window.hann.values(length: 4) + [0, 0])
    }
}
