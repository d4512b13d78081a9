import DSP
import TestSupport
import XCTest

final class STFTTests: XCTestCase {
    private let excerpt: () throws -> [Float] = { Array(try CoreFixture.signal("chirp").prefix(11025)) }

    func testDefaultSTFTMatchesLibrosaInBothPadModes() throws {
        for mode in [PadMode.constant, .reflect] {
            let S = try stft(try excerpt(), padMode: mode)
            let real = try CoreFixture.matrix("stft_chirp_\(mode.rawValue)_real")
            let imaginary = try CoreFixture.matrix("stft_chirp_\(mode.rawValue)_imag")
            assertMatches(Matrix(rows: S.rows, columns: S.columns, values: Array(S.real)), real, "\(mode) real")
            assertMatches(Matrix(rows: S.rows, columns: S.columns, values: Array(S.imaginary)), imaginary, "\(mode) imag")
        }
    }

    func testShortWindowHammingSTFTAndISTFTMatchLibrosa() throws {
        let settings = STFT(nFFT: 1024, hopLength: 256, winLength: 800, window: .hamming)
        let S = try settings(try excerpt())
        assertMatches(Matrix(rows: S.rows, columns: S.columns, values: Array(S.real)),
                      try CoreFixture.matrix("stft_hamming_real"))
        let expected = try CoreFixture.array("istft_hamming").values
        let y = try istft(S, hopLength: 256, winLength: 800, window: .hamming)
        assertClose(y, expected, rtol: 1e-4, relativeToMax: true)
        let fixed = try settings.inverse(S, length: 5000)
        assertClose(fixed, try CoreFixture.array("istft_hamming_length").values, rtol: 1e-4, relativeToMax: true)
    }

    func testOddSizeBlackmanReflectSTFTMatchesLibrosa() throws {
        let settings = STFT(nFFT: 1023, hopLength: 300, winLength: 1000, window: .blackman, padMode: .reflect)
        let S = try settings(Array(try excerpt().prefix(4410)))
        assertMatches(Matrix(rows: S.rows, columns: S.columns, values: Array(S.real)), try CoreFixture.matrix("stft_odd_real"))
        assertMatches(Matrix(rows: S.rows, columns: S.columns, values: Array(S.imaginary)), try CoreFixture.matrix("stft_odd_imag"))
    }

    func testISTFTInvertsDefaultSTFT() throws {
        let y = try CoreFixture.signal("music")
        let restored = try istft(try stft(y), length: y.count)
        assertClose(restored, y, rtol: 1e-5, atol: 1e-5)
    }

    func testPowerSpectrogramEqualsSquaredMagnitude() throws {
        let y = try CoreFixture.signal("noise")
        let settings = STFT(padMode: .reflect)
        let power = try settings.spectrogram(y)
        let magnitude = try settings(y).magnitude()
        XCTAssertEqual(power.shape.rows, 1025)
        XCTAssertEqual(power.shape.columns, 87)
        assertClose(power.values, magnitude.values.map { $0 * $0 }, rtol: 1e-5, relativeToMax: true)
        assertClose(try settings.spectrogram(y, power: 1).values, magnitude.values, rtol: 1e-5, relativeToMax: true)
        assertClose(try settings.spectrogram(y, power: 1.5).values, magnitude.values.map { Foundation.pow($0, 1.5) },
                    rtol: 1e-5, relativeToMax: true)
        XCTAssertThrowsError(try settings.spectrogram(y, power: 0)) { XCTAssertTrue("\($0)".contains("power=0")) }
    }

    func testTorchaudioStyleSpectrogramMatchesTorchaudio() throws {
        let y = try CoreFixture.signal("music")
        let transform = Spectrogram(nFFT: 1024, hopLength: 512, power: 2)
        assertMatches(try transform(y), try CoreFixture.matrix("torch_spectrogram_music"))
        // The SE-CNN input: 3 s at 22.05 kHz gives 513 bins × 130 frames.
        let threeSeconds = try transform([Float](repeating: 0.1, count: 66150))
        XCTAssertEqual(threeSeconds.rows, 513)
        XCTAssertEqual(threeSeconds.columns, 130)
    }

    func testBadInputThrowsTypedErrors() {
        XCTAssertThrowsError(try stft([])) { XCTAssertEqual($0 as? DSPError, .emptySignal(parameter: "y")) }
        var y = [Float](repeating: 0.1, count: 4096)
        y[7] = .nan
        XCTAssertThrowsError(try stft(y)) { XCTAssertEqual($0 as? DSPError, .nonFiniteSample(parameter: "y", index: 7)) }
        y[7] = .infinity
        XCTAssertThrowsError(try stft(y)) { XCTAssertEqual($0 as? DSPError, .nonFiniteSample(parameter: "y", index: 7)) }
        let short = [Float](repeating: 0.1, count: 100)
        XCTAssertThrowsError(try stft(short, center: false)) {
            XCTAssertEqual($0 as? DSPError, .signalTooShort(parameter: "y", length: 100, required: 2048))
        }
        XCTAssertThrowsError(try stft(short, nFFT: 0)) { XCTAssertTrue("\($0)".contains("n_fft=0")) }
        XCTAssertThrowsError(try stft(short, nFFT: -4)) { XCTAssertTrue("\($0)".contains("n_fft=-4")) }
        XCTAssertThrowsError(try stft(short, hopLength: 0)) { XCTAssertTrue("\($0)".contains("hop_length=0")) }
        XCTAssertThrowsError(try stft(short, winLength: 4096)) { XCTAssertTrue("\($0)".contains("win_length")) }
    }

    func testShortCentredSignalsArePaddedLikeLibrosa() throws {
        let S = try stft([Float](repeating: 0.5, count: 100))
        XCTAssertEqual(S.columns, 1)
        XCTAssertEqual(S.rows, 1025)
        // NumPy reflects one sample into copies of itself: the DC bin sums the whole Hann window.
        let single = try stft([0.5], padMode: .reflect)
        XCTAssertEqual(single.real[0], 512, accuracy: 1e-3)
        // A longer reflection folds back and forth over the signal: np.pad([1, 2, 3], 8, "reflect")[:16].
        let folded = try STFT(nFFT: 16, hopLength: 4, padMode: .reflect)([1, 2, 3])
        let numpyFrame: [Float] = [1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2, 1, 2, 3, 2]
        let window = Window.hann.values(length: 16)
        XCTAssertEqual(folded.real[0], zip(numpyFrame, window).map(*).reduce(0, +), accuracy: 1e-5)
    }
}
