import AudioIO
import DSP
import Experiments
import Foundation
import GTZAN
import SyntheticGTZAN
import TestSupport
import XCTest

/// The windows classification streams through (`AudioWindows`, seen through the inputs of a file):
/// 30 s feature windows whose last one runs to the end, 3 s segments whose tail is dropped, short files.
final class AudioWindowsTests: XCTestCase {
    private var directory: URL!

    override func setUpWithError() throws {
        directory = try Fixtures.temporaryDirectory("audio-windows")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    /// A synthetic track of `seconds` at 22050 Hz (no resampling: windows are exact slices of `read`).
    private func track(seconds: Double) throws -> (URL, [Float]) {
        let url = directory.appendingPathComponent("track-\(seconds).wav")
        try AudioFile.write(url, samples: SyntheticGTZAN.samples(genre: .disco, index: 1, seconds: seconds),
                            sampleRate: 22050, format: .float32)
        return (url, try AudioFile.read(url).samples)
    }

    func testThirtySecondWindowsKeepTheTailInTheLastWindow() throws {
        let (url, samples) = try track(seconds: 70)
        let inputs = try FeatureTableInput(table: .thirtySeconds).inputs(ofAudioFile: url)
        XCTAssertEqual(inputs.shape, [2, 57])
        let features = GTZANFeatures()
        let window = FeatureTableInput.classificationWindow
        let expected = try features(Array(samples[..<window])) + features(Array(samples[window...]))
        XCTAssertEqual(inputs.scalars, expected.map(Float.init))
    }

    func testAShortFileIsOneWindowOfAllItsSamples() throws {
        let (url, samples) = try track(seconds: 20)
        let inputs = try FeatureTableInput(table: .thirtySeconds).inputs(ofAudioFile: url)
        XCTAssertEqual(inputs.shape, [1, 57])
        XCTAssertEqual(inputs.scalars, try GTZANFeatures()(samples).map(Float.init))
    }

    func testSegmentsDropTheTailAndPadAShortFile() throws {
        let input = SegmentInput(segmentation: .threeSecondsHalfOverlap, representation: .mfcc(count: 13))
        let (url, samples) = try track(seconds: 10)
        let inputs = try input.inputs(ofAudioFile: url)
        XCTAssertEqual(inputs.shape, [Segmentation.threeSecondsHalfOverlap.count(frames: samples.count)] + input.sampleShape)
        XCTAssertEqual(inputs.shape[0], 5)
        let extractor = try FeatureExtractor(.mfcc(count: 13))
        let hop = Segmentation.threeSecondsHalfOverlap.hop, length = Segmentation.threeSecondsHalfOverlap.length
        let last = try extractor(Array(samples[(4 * hop)..<(4 * hop + length)])).values
        XCTAssertEqual(Array(inputs.scalars.suffix(last.count)), last)
        var batches: [Int] = []
        try input.forEachInputBatch(ofAudioFile: url, batchSize: 2) { batches.append($0.shape[0]) }
        XCTAssertEqual(batches, [2, 2, 1])

        let (short, shortSamples) = try track(seconds: 1)
        let padded = try input.inputs(ofAudioFile: short)
        XCTAssertEqual(padded.shape[0], 1)
        let zeros = [Float](repeating: 0, count: length - shortSamples.count)
        XCTAssertEqual(padded.scalars, try extractor(shortSamples + zeros).values)
    }

    func testThreeSecondRowsNeedOneWholeSegment() throws {
        let (url, _) = try track(seconds: 2)
        XCTAssertThrowsError(try FeatureTableInput(table: .threeSeconds).inputs(ofAudioFile: url)) {
            XCTAssertTrue("\($0)".contains(url.path) && "\($0)".contains("one segment of 66149 samples (3.00 s at 22050 Hz)"), "\($0)")
        }
    }
}
