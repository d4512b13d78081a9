import AudioIO
import Foundation
import Tensor

/// Mini-batches of track images `[n, 3, height, width]` (values 0…255): Kaggle's `images_original` PNGs,
/// or rendered from the audio by `SpectrogramImageRenderer` (`TrackImage.source`); both are bilinearly
/// resized to `width × height`. Epoch order as in `SegmentBatches`.
public final class ImageBatches: BatchSource, Sendable {
    public let images: [TrackImage]
    public let width: Int
    public let height: Int
    public let batchSize: Int
    public let shuffle: Bool
    public let seed: UInt64
    public let prefetch: Int
    public let workers: Int
    /// Applied to every batch's inputs (e.g. ImageNet normalisation); nil keeps the 0…255 values.
    public let transform: (@Sendable (Tensor) -> Tensor)?
    private let renderer: SpectrogramImageRenderer

    /// - Throws: `GTZANError.invalidParameter` for no images or non-positive sizes.
    public init(images: [TrackImage], width: Int = 256, height: Int = 256, batchSize: Int = 32,
                shuffle: Bool = true, seed: UInt64 = 0, prefetch: Int = 2, workers: Int = 1,
                transform: (@Sendable (Tensor) -> Tensor)? = nil) throws {
        guard !images.isEmpty else { throw GTZANError.invalidParameter("images", reason: "no image to batch") }
        guard batchSize > 0, width > 0, height > 0 else {
            throw GTZANError.invalidParameter("ImageBatches", reason: "batch size \(batchSize), size \(width) × \(height) must be positive")
        }
        self.images = images
        self.width = width
        self.height = height
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.prefetch = max(1, prefetch)
        self.workers = max(1, workers)
        self.transform = transform
        renderer = try SpectrogramImageRenderer()
    }

    /// The label of every image.
    public var labels: [Int] { images.map(\.label) }

    public func order(epoch: Int) -> [Int] {
        shuffledOrder(count: images.count, shuffle: shuffle, seed: seed, epoch: epoch)
    }

    /// The image `item`: its PNG, or rendered from its audio; resized.
    public func image(of item: Int) throws -> RGBImage {
        let image: RGBImage
        switch images[item].source {
        case let .png(url): image = try RGBImage(contentsOfPNG: url)
        case let .audio(url): image = try renderer.render(try AudioFile.read(url, sampleRate: 22050).samples)
        }
        return image.width == width && image.height == height ? image : try image.resized(width: width, height: height)
    }

    public func batch(_ items: [Int], epoch: Int = 0) throws -> Batch {
        let inputs = try fillTensor(items: items, shape: [3, height, width], workers: workers) { try self.image(of: $0).values }
        return Batch(inputs: transform?(inputs) ?? inputs, labels: items.map { images[$0].label }, items: items)
    }
}
