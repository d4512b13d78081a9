import DSP
import TestSupport
import XCTest

final class HPSSTests: XCTestCase {
    func testSpectrogramSeparationMatchesLibrosa() throws {
        let parts = try HPSS()(try FeatureFixture.matrix("matrix"))
        assertClose(parts.harmonic.values, try FeatureFixture.array("matrix_harmonic").values, rtol: 1e-5, atol: 1e-7)
        assertClose(parts.percussive.values, try FeatureFixture.array("matrix_percussive").values, rtol: 1e-5, atol: 1e-7)
    }

    func testTimeDomainSignalsMatchLibrosaEffectsHPSS() throws {
        for name in FeatureFixture.signals {
            let y = try FeatureFixture.array(name).values
            let parts = try hpss(y)
            XCTAssertEqual(parts.harmonic.count, y.count)
            assertClose(parts.harmonic, try FeatureFixture.array("\(name)_harmonic").values,
                        rtol: 1e-3, relativeToMax: true, "\(name) harmonic")
            assertClose(parts.percussive, try FeatureFixture.array("\(name)_percussive").values,
                        rtol: 1e-3, relativeToMax: true, "\(name) percussive")
        }
    }

    /// The time-domain path (pooled workspace, masks fused into the synthesis) against the
    /// spectrogram path (`stft`, masks, `istft`), over calls of growing and shrinking lengths that
    /// reuse the same workspace.
    func testTimeDomainSeparationEqualsSpectrogramPathAcrossLengths() throws {
        let mix = try FeatureFixture.array("mix").values
        for (count, margin) in [(mix.count, 1), (mix.count / 3, 2), (mix.count / 2, 1), (mix.count, 1)] as [(Int, Float)] {
            let y = Array(mix.prefix(count))
            let parts = try hpss(y, margin: margin)
            let spectral = try HPSS(margin: margin)(try stft(y))
            assertClose(parts.harmonic, try istft(spectral.harmonic, length: count), rtol: 1e-5, relativeToMax: true,
                        "harmonic of \(count) samples, margin \(margin)")
            assertClose(parts.percussive, try istft(spectral.percussive, length: count), rtol: 1e-5, relativeToMax: true,
                        "percussive of \(count) samples, margin \(margin)")
        }
    }

    func testSoftMasksSumToOneAndZerosSplitEvenly() throws {
        let x = Matrix(rows: 1, columns: 3, values: [2, 0, 1])
        let reference = Matrix(rows: 1, columns: 3, values: [1, 0, 3])
        let mask = try softmask(x, reference: reference, power: 2, splitZeros: true)
        let complement = try softmask(reference, reference: x, power: 2, splitZeros: true)
        assertClose(mask.values, [0.8, 0.5, 0.1], rtol: 1e-6)
        assertClose(zip(mask.values, complement.values).map { $0 + $1 }, [1, 1, 1], rtol: 1e-6)
        XCTAssertEqual(try softmask(x, reference: reference, power: 2).values[1], 0)
    }

    func testBadInputThrowsNamedErrors() throws {
        XCTAssertThrowsError(try hpss([])) { XCTAssertTrue("\($0)".contains("empty"), "\($0)") }
        XCTAssertThrowsError(try hpss([0, .nan, 0])) { XCTAssertTrue("\($0)".contains("NaN"), "\($0)") }
        let y = [Float](repeating: 0.1, count: 4096)
        XCTAssertThrowsError(try hpss(y, kernelSize: 0)) { XCTAssertTrue("\($0)".contains("kernel_size"), "\($0)") }
        XCTAssertThrowsError(try hpss(y, margin: 0.5)) { XCTAssertTrue("\($0)".contains("margin"), "\($0)") }
        let negative = Matrix(rows: 1, columns: 1, values: [-1])
        XCTAssertThrowsError(try softmask(negative, reference: negative)) {
            XCTAssertTrue("\($0)".contains("non-negative"), "\($0)")
        }
    }
}
