import DSP
import TestSupport
import XCTest

final class ChromaTests: XCTestCase {
    func testEstimatedTuningMatchesLibrosa() throws {
        let expected = try CoreFixture.array("tuning").values
        for (name, tuning) in zip(CoreFixture.signals, expected) {
            let actual = try estimateTuning(y: try CoreFixture.signal(name))
            XCTAssertEqual(actual, Double(tuning), accuracy: 1e-6, name)
        }
    }

    func testChromaMatchesLibrosaForEverySignalAndPadMode() throws {
        try CoreFixture.forEachSignalAndPadMode { name, mode, y in
            let chroma = try chromaSTFT(y: y, stft: STFT(padMode: mode))
            assertMatches(chroma, try CoreFixture.matrix("chroma_\(name)_\(mode.rawValue)"), "\(name) \(mode)")
        }
    }

    func testChromaWithFixedTuningMatchesLibrosa() throws {
        let chroma = try chromaSTFT(y: try CoreFixture.signal("music"), tuning: 0)
        assertMatches(chroma, try CoreFixture.matrix("chroma_notuning_music"))
    }

    func testPitchTuningOfAnEqualTemperedScaleIsZero() throws {
        let scale = (0..<12).map { Float(440 * Foundation.pow(2, Double($0) / 12)) }
        XCTAssertEqual(try pitchTuning(scale), 0, accuracy: 1e-9)
        XCTAssertEqual(try pitchTuning([]), 0)
        XCTAssertThrowsError(try pitchTuning(scale, resolution: 0)) { XCTAssertTrue("\($0)".contains("resolution")) }
    }
}
