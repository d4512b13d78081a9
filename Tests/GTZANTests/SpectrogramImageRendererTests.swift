import GTZAN
import Tensor
import XCTest

final class SpectrogramImageRendererTests: XCTestCase {
    func testViridisEndpointsAndMidpoint() {
        let low = Colormap.viridis.color(0)
        XCTAssertEqual(low.red, 0.267004 * 255, accuracy: 1e-3)
        XCTAssertEqual(low.blue, 0.329415 * 255, accuracy: 1e-3)
        let high = Colormap.viridis.color(1)
        XCTAssertEqual(high.green, 0.906157 * 255, accuracy: 1e-3)
        // matplotlib viridis entry 128 is (0.127568, 0.566949, 0.550556).
        let middle = Colormap.viridis.color(128.0 / 255)
        XCTAssertEqual(middle.green, 0.566949 * 255, accuracy: 0.5)
        XCTAssertEqual(Colormap.viridis.color(-3).red, low.red)
    }

    /// A low tone lights the bottom of the image, silence elsewhere stays dark.
    func testLowFrequenciesAreAtTheBottom() throws {
        let samples = (0..<22050 * 2).map { Float(sin(2 * Double.pi * 110 * Double($0) / 22050)) * 0.5 }
        let image = try SpectrogramImageRenderer().render(samples)
        XCTAssertEqual([image.width, image.height], [432, 288])
        let plane = 432 * 288
        func green(row: Int) -> Float { (0..<432).map { image.values[plane + row * 432 + $0] }.reduce(0, +) / 432 }
        XCTAssertGreaterThan(green(row: 280), green(row: 20) + 60)
        XCTAssertLessThan(green(row: 20), 5)
    }

    func testImageBatchesRenderFromAudioWhenNoPNG() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.kaggle, genres: [.pop])
        XCTAssertFalse(dataset.images.contains(where: \.isStored))
        let batches = try ImageBatches(images: dataset.images, width: 64, height: 32, batchSize: 3)
        let batch = try batches.batch([0, 2])
        XCTAssertEqual(batch.inputs.shape, [2, 3, 32, 64])
        XCTAssertEqual(batch.labels, [0, 0])
        XCTAssertEqual(Array(batch.inputs.scalars[3 * 32 * 64..<6 * 32 * 64]), try batches.image(of: 2).values)
    }

    func testImageBatchesPreferThePNG() throws {
        let dataset = try GTZANDataset(root: SyntheticFixture.kaggle, genres: [.rock])
        let url = dataset.layout.imagesDirectory ?? SyntheticFixture.kaggle.appendingPathComponent("Data/images_original")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("rock"), withIntermediateDirectories: true)
        let flat = try RGBImage(width: 8, height: 4, values: [Float](repeating: 77, count: 96))
        try flat.writePNG(to: url.appendingPathComponent("rock/rock00001.png"))
        let reopened = try GTZANDataset(root: SyntheticFixture.kaggle, genres: [.rock])
        XCTAssertEqual(reopened.layout.imageURL(for: reopened.tracks[1].id)?.lastPathComponent, "rock00001.png")
        XCTAssertEqual(reopened.images.map(\.isStored), [false, true, false, false])
        let batches = try ImageBatches(images: reopened.images, width: 16, height: 16, transform: { $0 * 2 })
        XCTAssertEqual(Set(try batches.image(of: 1).values), [77])
        XCTAssertEqual(Set(try batches.batch([1]).inputs.scalars), [154], "the transform applies to batches")
    }
}
