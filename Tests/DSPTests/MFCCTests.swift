import DSP
import TestSupport
import XCTest

final class MFCCTests: XCTestCase {
    func testMFCCMatchesLibrosaForEverySignalAndPadMode() throws {
        try CoreFixture.forEachSignalAndPadMode { name, mode, y in
            let actual = try mfcc(y: y, stft: STFT(padMode: mode))
            let expected = try CoreFixture.matrix("mfcc_\(name)_\(mode.rawValue)")
            XCTAssertEqual(actual.rows, 20)
            assertClose(actual.values, expected.values, rtol: 0, atol: 1e-3, "\(name) \(mode)")
        }
    }

    func testLifteredThirteenCoefficientsMatchLibrosa() throws {
        let actual = try mfcc(y: try CoreFixture.signal("music"), nMFCC: 13, lifter: 22)
        // The lifter multiplies coefficient k by up to 1 + lifter / 2 = 12, and float32 rounding with it.
        assertClose(actual.values, try CoreFixture.array("mfcc13_lifter_music").values, rtol: 0, atol: 1e-3 * 12)
        XCTAssertThrowsError(try mfcc(logMel: actual, lifter: -1)) { XCTAssertTrue("\($0)".contains("lifter")) }
    }

    func testDeltaMatchesLibrosa() throws {
        let coefficients = try CoreFixture.matrix("mfcc13_lifter_music")
        assertClose(try delta(coefficients).values, try CoreFixture.array("delta_music").values,
                    rtol: 1e-5, relativeToMax: true)
        assertClose(try delta(coefficients, width: 5, order: 2).values, try CoreFixture.array("delta2_music").values,
                    rtol: 1e-5, relativeToMax: true)
        XCTAssertThrowsError(try delta(coefficients, width: 4)) { XCTAssertTrue("\($0)".contains("width=4")) }
        let short = Matrix(rows: 1, columns: 5, repeating: 1)
        XCTAssertThrowsError(try delta(short)) { XCTAssertTrue("\($0)".contains("width=9")) }
    }
}
