import DSP
import GTZAN
import XCTest

final class AugmentationTests: XCTestCase {
    func testStreamsAreSeededPerEpochAndItem() {
        let augmentation = Augmentation(seed: 4)
        var a = augmentation.generator(epoch: 1, item: 7)
        var b = augmentation.generator(epoch: 1, item: 7)
        var c = augmentation.generator(epoch: 2, item: 7)
        let first = a.next()
        XCTAssertEqual(first, b.next())
        XCTAssertNotEqual(first, c.next())
    }

    func testNoiseHitsTheRequestedSNR() {
        let augmentation = Augmentation(noiseSNR: 10...10)
        let clean = (0..<22050).map { Float(sin(Double($0) * 0.05)) }
        var noisy = clean
        var rng = augmentation.generator(epoch: 0, item: 0)
        augmentation.augmentWaveform(&noisy, using: &rng)
        let signal = clean.reduce(0) { $0 + $1 * $1 }
        let noise = zip(noisy, clean).reduce(Float(0)) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        XCTAssertEqual(10 * log10(signal / noise), 10, accuracy: 0.2)
    }

    func testGainScalesWithinRange() {
        let augmentation = Augmentation(gainDecibels: -6 ... -6)
        var samples: [Float] = [1, -0.5]
        var rng = augmentation.generator(epoch: 0, item: 0)
        augmentation.augmentWaveform(&samples, using: &rng)
        XCTAssertEqual(samples[0], 0.501187, accuracy: 1e-5)
        XCTAssertEqual(samples[1], -0.2505936, accuracy: 1e-5)
    }

    /// torchaudio semantics: one contiguous band of fewer than F rows (or T columns), filled with the mask value.
    func testMasksAreContiguousBandsNarrowerThanTheParameter() {
        let augmentation = Augmentation(frequencyMaskParameter: 20, timeMaskParameter: 30, maskValue: -1)
        var widths: Set<Int> = []
        for item in 0..<200 {
            var input = Matrix(rows: 128, columns: 130, repeating: 5)
            var rng = augmentation.generator(epoch: 0, item: item)
            augmentation.mask(&input, timeMajor: false, using: &rng)
            let maskedRows = (0..<128).filter { row in (0..<130).allSatisfy { input[row, $0] == -1 } }
            let maskedColumns = (0..<130).filter { column in (0..<128).allSatisfy { input[$0, column] == -1 } }
            XCTAssertLessThan(maskedRows.count, 20)
            XCTAssertLessThan(maskedColumns.count, 30)
            if let first = maskedRows.first { XCTAssertEqual(maskedRows, Array(first..<first + maskedRows.count)) }
            widths.insert(maskedRows.count)
            let masked = input.values.filter { $0 == -1 }.count
            XCTAssertEqual(masked, maskedRows.count * 130 + maskedColumns.count * 128 - maskedRows.count * maskedColumns.count)
        }
        XCTAssertGreaterThan(widths.count, 10, "widths vary")
    }

    func testTimeMajorInputsMaskColumnsAsFrequency() {
        let augmentation = Augmentation(frequencyMaskParameter: 13, frequencyMasks: 3)
        var input = Matrix(rows: 130, columns: 13, repeating: 1)
        var rng = augmentation.generator(epoch: 3, item: 1)
        augmentation.mask(&input, timeMajor: true, using: &rng)
        for column in 0..<13 {
            let values = Set(input.column(column))
            XCTAssertEqual(values.count, 1, "column \(column) is either masked or not")
        }
    }
}
