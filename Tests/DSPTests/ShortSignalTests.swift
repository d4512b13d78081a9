import DSP
import XCTest

/// Signals shorter than one FFT frame (1024 samples and below) get a correct result or a `DSPError`, never a trap.
final class ShortSignalTests: XCTestCase {
    private static let lengths = [1, 2, 3, 100, 511, 512, 513, 1023, 1024, 1025, 2047, 2048]

    private func signal(_ count: Int) -> [Float] {
        (0..<count).map { Float(sin(Double($0) * 0.3)) * 0.5 }
    }

    func testOnsetEnvelopeOfFewerFramesThanTheCentreShiftIsAllZeros() throws {
        // librosa pads the flux with `lag + n_fft / (2 hop)` = 3 zeros and cuts it to the frame count.
        for frames in 1...3 {
            let spectrogram = Matrix(rows: 2, columns: frames, values: (0..<(2 * frames)).map { Float($0 * $0) })
            XCTAssertEqual(try OnsetStrength()(melDecibels: spectrogram), [Float](repeating: 0, count: frames), "\(frames) frames")
        }
        let four = Matrix(rows: 1, columns: 4, values: [0, 1, 3, 3])
        XCTAssertEqual(try OnsetStrength()(melDecibels: four), [0, 0, 0, 1])
    }

    func testOnsetStrengthAndTempoOfShortSignalsAreFinite() throws {
        for count in Self.lengths {
            let envelope = try onsetStrength(signal(count))
            XCTAssertEqual(envelope.count, 1 + count / 512, "\(count) samples")
            XCTAssertTrue(envelope.allSatisfy(\.isFinite), "\(count) samples")
            XCTAssertTrue(try tempo(signal(count)).isFinite, "\(count) samples")
        }
    }

    func testGTZANFeaturesOfShortSignalsAreFiniteOrATypedError() throws {
        for padMode in [PadMode.reflect, .constant] {
            for count in Self.lengths {
                do {
                    let row = try GTZANFeatures(padMode: padMode)(signal(count))
                    XCTAssertEqual(row.count, GTZANFeatures.columnNames.count)
                    XCTAssertTrue(row.allSatisfy(\.isFinite), "\(count) samples, \(padMode): \(row)")
                } catch let error as DSPError {
                    XCTAssertFalse(error.description.isEmpty)
                }
            }
        }
    }
}
