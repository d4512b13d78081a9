import DSP
import TestSupport
import XCTest

final class TempoTests: XCTestCase {
    func testTempoFromOnsetEnvelopesEqualsLibrosa() throws {
        let expected = try FeatureFixture.doubles("drums_tempos")
        for (index, tempo) in expected.enumerated() {
            let envelope = try FeatureFixture.array("drums\(index)_onset").values
            XCTAssertEqual(try Tempo()(onsetEnvelope: envelope), tempo, accuracy: 0.1, "drums\(index)")
        }
        let signalTempos = try FeatureFixture.doubles("signal_tempos")
        for (name, tempo) in zip(FeatureFixture.signals, signalTempos) {
            let envelope = try FeatureFixture.array("\(name)_onset").values
            XCTAssertEqual(try Tempo()(onsetEnvelope: envelope), tempo, accuracy: 0.1, name)
        }
    }

    func testLagFrequenciesFollowLibrosa() {
        let tempo = Tempo()
        XCTAssertEqual(tempo.winLength, 344)
        let bpms = tempo.lagFrequencies
        XCTAssertEqual(bpms[0], .infinity)
        XCTAssertEqual(bpms[1], 2583.984375, accuracy: 1e-9)
        XCTAssertEqual(bpms[343], 60 * 22050 / (512 * 343), accuracy: 1e-9)
    }

    func testTempogramColumnsArePeakNormalisedAutocorrelations() throws {
        let envelope: [Float] = (0..<64).map { $0 % 8 == 0 ? 1 : 0 }
        let tempogram = try Tempogram(winLength: 16)(onsetEnvelope: envelope)
        XCTAssertEqual(tempogram.rows, 16)
        XCTAssertEqual(tempogram.columns, 64)
        XCTAssertEqual(tempogram[0, 36], 1, accuracy: 1e-6)
        XCTAssertGreaterThan(tempogram[8, 36], 0.1)
        XCTAssertEqual(tempogram[4, 36], 0, accuracy: 1e-6)
    }

    func testBadSettingsThrow() {
        XCTAssertThrowsError(try Tempo(startBPM: 0)(onsetEnvelope: [1, 2])) {
            XCTAssertTrue("\($0)".contains("start_bpm"), "\($0)")
        }
        XCTAssertThrowsError(try Tempo()(onsetEnvelope: [])) { XCTAssertTrue("\($0)".contains("empty"), "\($0)") }
        XCTAssertThrowsError(try Tempo(hopLength: 0)(onsetEnvelope: [1])) {
            XCTAssertTrue("\($0)".contains("hop_length"), "\($0)")
        }
    }
}
