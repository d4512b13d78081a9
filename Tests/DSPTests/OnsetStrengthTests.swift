import DSP
import TestSupport
import XCTest

final class OnsetStrengthTests: XCTestCase {
    func testEnvelopeMatchesLibrosaOnsetStrength() throws {
        for name in FeatureFixture.signals {
            let y = try FeatureFixture.array(name).values
            let envelope = try onsetStrength(y)
            assertClose(envelope, try FeatureFixture.array("\(name)_onset").values, rtol: 1e-4, relativeToMax: true, name)
        }
    }

    func testMedianAggregateMatchesLibrosa() throws {
        for name in FeatureFixture.signals {
            let y = try FeatureFixture.array(name).values
            let envelope = try OnsetStrength(aggregate: .median)(y)
            assertClose(envelope, try FeatureFixture.array("\(name)_onset_median").values, rtol: 1e-4,
                        relativeToMax: true, name)
        }
    }

    func testTempoOfSignalsEqualsLibrosa() throws {
        for (name, expected) in zip(FeatureFixture.signals, try FeatureFixture.doubles("signal_tempos")) {
            XCTAssertEqual(try tempo(try FeatureFixture.array(name).values), expected, accuracy: 0.1, name)
        }
    }

    func testFluxIsRectifiedMeanShiftedByCentreFrames() throws {
        let spectrogram = Matrix(rows: 2, columns: 6, values: [0, 1, 3, 2, 2, 5,
                                                               0, 3, 3, 0, 4, 4])
        let envelope = try OnsetStrength()(melDecibels: spectrogram)
        XCTAssertEqual(envelope, [0, 0, 0, 2, 1, 0])
        let uncentred = try OnsetStrength(center: false)(melDecibels: spectrogram)
        XCTAssertEqual(uncentred, [0, 2, 1, 0, 2, 1.5])
        let median = try OnsetStrength(center: false, aggregate: .median)(melDecibels: spectrogram)
        XCTAssertEqual(median, uncentred)
        let three = Matrix(rows: 3, columns: 2, values: [0, 1, 0, 5, 0, 2])
        XCTAssertEqual(try OnsetStrength(center: false, aggregate: .median)(melDecibels: three), [0, 2])
    }

    func testBadInputThrows() {
        XCTAssertThrowsError(try onsetStrength([])) { XCTAssertTrue("\($0)".contains("empty"), "\($0)") }
        XCTAssertThrowsError(try OnsetStrength(lag: 0)(melDecibels: Matrix(rows: 1, columns: 3))) {
            XCTAssertTrue("\($0)".contains("lag"), "\($0)")
        }
    }
}
