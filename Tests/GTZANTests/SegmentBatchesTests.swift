import AudioIO
import Foundation
import GTZAN
import SyntheticGTZAN
import Tensor
import TestSupport
import XCTest

final class SegmentBatchesTests: XCTestCase {
    let segmentation = try! Segmentation(seconds: 1, overlap: 0.5)

    func makeSegments() throws -> [Segment] {
        let dataset = try GTZANDataset(root: SyntheticFixture.marsyas, genres: [.classical, .metal])
        return segmentation.segments(of: dataset.tracks)
    }

    func testSegmentAudioIsTheSliceOfTheTrack() throws {
        let segment = try makeSegments()[3]
        let whole = try AudioFile.read(segment.track.url, sampleRate: nil).samples
        XCTAssertEqual(try SegmentAudioLoader.samples(of: segment, sampleRate: 22050), Array(segment.slice(of: whole)))
    }

    func testEpochCoversEverySegmentOnceInBoundedBatches() throws {
        let segments = try makeSegments()
        XCTAssertEqual(segments.count, 8 * 7)
        let batches = try SegmentBatches(segments: segments, segmentation: segmentation,
                                         representation: .melDecibels(nMels: 64), batchSize: 16, seed: 3)
        let iterator = batches.epoch(0)
        var seen: [Int] = []
        while let batch = try iterator.nextBatch() {
            XCTAssertEqual(batch.inputs.shape, [batch.items.count, 1, 64, 44])
            XCTAssertEqual(batch.labels, batch.items.map { segments[$0].label })
            seen += batch.items
        }
        XCTAssertEqual(seen.count, segments.count)
        XCTAssertEqual(Set(seen).count, segments.count)
        XCTAssertEqual(batches.batchCount, 4)
        XCTAssertEqual(seen, batches.order(epoch: 0))
        XCTAssertNotEqual(batches.order(epoch: 0), batches.order(epoch: 1))
    }

    func testBatchInputsEqualPerSegmentInputsAndAreReproducible() throws {
        let segments = try makeSegments()
        let augmentation = Augmentation(noiseSNR: 10...20, gainDecibels: -6...0, frequencyMaskParameter: 8, timeMaskParameter: 5, seed: 1)
        let batches = try SegmentBatches(segments: segments, segmentation: segmentation, representation: .mfcc(count: 13),
                                         batchSize: 8, augmentation: augmentation, workers: 2)
        let batch = try batches.batch([5, 9], epoch: 2)
        let again = try batches.batch([5, 9], epoch: 2)
        XCTAssertEqual(batch.inputs.scalars, again.inputs.scalars)
        XCTAssertEqual(Array(batch.inputs.scalars[44 * 13..<88 * 13]), try batches.input(of: 9, epoch: 2).values)
        XCTAssertNotEqual(try batches.input(of: 9, epoch: 3).values, try batches.input(of: 9, epoch: 2).values)
    }

    func testCacheReturnsTheSameInputs() throws {
        let segments = Array(try makeSegments().prefix(4))
        let cache = try FeatureCache(directory: try Fixtures.temporaryDirectory())
        let cached = try SegmentBatches(segments: segments, segmentation: segmentation, representation: .powerSpectrogram(),
                                        batchSize: 4, shuffle: false, cache: cache)
        let plain = try SegmentBatches(segments: segments, segmentation: segmentation, representation: .powerSpectrogram(),
                                       batchSize: 4, shuffle: false)
        let first = try cached.batch([0, 1, 2, 3]).inputs.scalars
        let url = cache.url(for: segments[2], representation: .powerSpectrogram(), segmentation: segmentation)
        XCTAssertTrue(FileManager.default.fileExists(atPath: url.path))
        XCTAssertTrue(url.path.contains("power-nfft1024-hop512-bins512"))
        XCTAssertEqual(try cached.batch([0, 1, 2, 3]).inputs.scalars, first)
        XCTAssertEqual(try plain.batch([0, 1, 2, 3]).inputs.scalars, first)
    }

    func testUndecodableAudioSurfacesAsAnErrorNamingTheFile() throws {
        let root = try Fixtures.temporaryDirectory()
        try SyntheticGTZAN.write(to: root, tracksPerGenre: 1, seconds: 2, seed: 1, genres: [.pop])
        let segments = segmentation.segments(of: try GTZANDataset(root: root).tracks)
        try Data("gone".utf8).write(to: segments[0].track.url)
        let batches = try SegmentBatches(segments: segments, segmentation: segmentation, representation: .chroma())
        XCTAssertThrowsError(try batches.epoch(0).nextBatch()) { error in
            XCTAssertTrue("\(error)".contains("pop.00000.wav"), "\(error)")
        }
    }
}
