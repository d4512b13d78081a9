import DSP
import TestSupport
import XCTest

final class MelSpectrogramTests: XCTestCase {
    func testMelFilterbanksMatchLibrosa() throws {
        let slaney = try MelFilterbank(sampleRate: 22050, nFFT: 512, nMels: 40, fMin: 50, fMax: 8000)
        assertMatches(slaney.weights, try CoreFixture.matrix("melbasis_slaney"), rtol: 1e-6)
        let htk = try MelFilterbank(sampleRate: 22050, nFFT: 512, nMels: 40, fMin: 50, fMax: 8000, htk: true, norm: .none)
        assertMatches(htk.weights, try CoreFixture.matrix("melbasis_htk"), rtol: 1e-6)
    }

    func testMelSpectrogramMatchesLibrosaForEverySignalAndPadMode() throws {
        try CoreFixture.forEachSignalAndPadMode { name, mode, y in
            let mel = try melSpectrogram(y: y, stft: STFT(padMode: mode))
            assertMatches(mel, try CoreFixture.matrix("mel_\(name)_\(mode.rawValue)"), "\(name) \(mode)")
        }
    }

    func testTorchaudioSettingsMatchTorchaudioMelSpectrogram() throws {
        let transform = try MelSpectrogram(stft: STFT(padMode: .reflect), htk: true, norm: .none)
        assertMatches(try transform(try CoreFixture.signal("music")), try CoreFixture.matrix("torch_mel_music"))
    }

    func testMelFromPrecomputedSpectrogramEqualsMelFromSignal() throws {
        let y = try CoreFixture.signal("music")
        let fromSignal = try melSpectrogram(y: y)
        let fromSpectrogram = try melSpectrogram(spectrogram: try STFT().spectrogram(y))
        XCTAssertEqual(fromSignal, fromSpectrogram)
    }

    func testDecibelConversionsMatchLibrosa() throws {
        let mel = try CoreFixture.matrix("mel_music_constant")
        assertMatches(try powerToDB(mel), try CoreFixture.matrix("power_to_db_music"))
        assertMatches(try powerToDB(mel, reference: .maximum, topDB: nil),
                      try CoreFixture.matrix("power_to_db_music_ref_max"))
        assertMatches(try amplitudeToDB(mel.map { $0.squareRoot() }, reference: .maximum),
                      try CoreFixture.matrix("amplitude_to_db_music"))
        XCTAssertThrowsError(try powerToDB(mel, amin: 0)) { XCTAssertTrue("\($0)".contains("amin")) }
        XCTAssertThrowsError(try powerToDB(mel, topDB: -1)) { XCTAssertTrue("\($0)".contains("top_db")) }
    }

    func testBadMelParametersThrow() {
        XCTAssertThrowsError(try MelFilterbank(nMels: 0)) { XCTAssertTrue("\($0)".contains("n_mels=0")) }
        XCTAssertThrowsError(try MelFilterbank(fMin: 20000)) { XCTAssertTrue("\($0)".contains("fmin")) }
        XCTAssertThrowsError(try melSpectrogram(y: [])) { XCTAssertEqual($0 as? DSPError, .emptySignal(parameter: "y")) }
    }
}
