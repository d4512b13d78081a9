import DSP
import TestSupport
import XCTest

final class SpectralFeatureTests: XCTestCase {
    func testCentroidBandwidthRolloffMatchLibrosa() throws {
        try CoreFixture.forEachSignalAndPadMode { name, mode, y in
            let tag = "\(name)_\(mode.rawValue)"
            let settings = STFT(padMode: mode)
            assertMatches(try spectralCentroid(y: y, stft: settings), try CoreFixture.matrix("centroid_\(tag)"), tag)
            assertMatches(try spectralBandwidth(y: y, stft: settings), try CoreFixture.matrix("bandwidth_\(tag)"), tag)
            assertMatches(try spectralRolloff(y: y, stft: settings), try CoreFixture.matrix("rolloff_\(tag)"), tag)
        }
    }

    func testRMSMatchesLibrosa() throws {
        try CoreFixture.forEachSignalAndPadMode { name, mode, y in
            assertMatches(try rms(y: y, padMode: mode), try CoreFixture.matrix("rms_\(name)_\(mode.rawValue)"))
        }
    }

    func testRMSFromSpectrogramAgreesWithTimeDomainOnRectangularFrames() throws {
        let y = try CoreFixture.signal("noise")
        let magnitude = try STFT(window: .rectangular).spectrogram(y, power: 1)
        assertClose(try rms(spectrogram: magnitude).values, try rms(y: y).values, rtol: 1e-4, relativeToMax: true)
        XCTAssertThrowsError(try rms(spectrogram: magnitude, frameLength: 1024)) { XCTAssertTrue("\($0)".contains("frame_length")) }
    }

    func testZeroCrossingRateMatchesLibrosa() throws {
        for name in CoreFixture.signals {
            assertMatches(try zeroCrossingRate(try CoreFixture.signal(name)), try CoreFixture.matrix("zcr_\(name)"), name)
        }
    }

    func testSilentFramesGiveZeroCentroid() throws {
        let centroid = try spectralCentroid(spectrogram: Matrix(rows: 1025, columns: 3))
        XCTAssertEqual(centroid.values, [0, 0, 0])
    }

    func testBadSpectralInputThrows() {
        let negative = Matrix(rows: 3, columns: 2, repeating: -1)
        XCTAssertThrowsError(try spectralCentroid(spectrogram: negative)) { XCTAssertTrue("\($0)".contains("non-negative")) }
        XCTAssertThrowsError(try spectralRolloff(y: [0.1, 0.2], rollPercent: 1.5)) { XCTAssertTrue("\($0)".contains("roll_percent")) }
        XCTAssertThrowsError(try zeroCrossingRate([])) { XCTAssertEqual($0 as? DSPError, .emptySignal(parameter: "y")) }
        XCTAssertThrowsError(try zeroCrossingRate([1, 2], hopLength: 0)) { XCTAssertTrue("\($0)".contains("hop_length=0")) }
        XCTAssertThrowsError(try rms(y: [1, 2, 3], center: false)) {
            XCTAssertEqual($0 as? DSPError, .signalTooShort(parameter: "y", length: 3, required: 2048))
        }
    }
}
