import AudioIO
import Foundation

/// Mini-batches of track images `[n, 3, height, width]` (values 0…255): Kaggle's `images_original` PNGs
/// when the layout has them, otherwise rendered from the audio by `SpectrogramImageRenderer`; both are
/// bilinearly resized to `width × height`. Epoch order as in `SegmentBatches`.
public final class ImageBatches: BatchSource, @unchecked Sendable {
    public let tracks: [Track]
    public let layout: GTZANLayout?
    public let width: Int
    public let height: Int
    public let batchSize: Int
    public let shuffle: Bool
    public let seed: UInt64
    public let prefetch: Int
    public let workers: Int
    private let renderer: SpectrogramImageRenderer

    /// - Parameter layout: where to look for `images_original` (nil: always render from audio).
    /// - Throws: `GTZANError.invalidParameter` for no tracks or non-positive sizes.
    public init(tracks: [Track], layout: GTZANLayout?, width: Int = 256, height: Int = 256, batchSize: Int = 32,
                shuffle: Bool = true, seed: UInt64 = 0, prefetch: Int = 2, workers: Int = 1) throws {
        guard !tracks.isEmpty else { throw GTZANError.invalidParameter("tracks", reason: "no track to batch") }
        guard batchSize > 0, width > 0, height > 0 else {
            throw GTZANError.invalidParameter("ImageBatches", reason: "batch size \(batchSize), size \(width) × \(height) must be positive")
        }
        self.tracks = tracks
        self.layout = layout
        self.width = width
        self.height = height
        self.batchSize = batchSize
        self.shuffle = shuffle
        self.seed = seed
        self.prefetch = max(1, prefetch)
        self.workers = max(1, workers)
        renderer = try SpectrogramImageRenderer()
    }

    public func order(epoch: Int) -> [Int] {
        shuffledOrder(count: tracks.count, shuffle: shuffle, seed: seed, epoch: epoch)
    }

    /// The image of track `item`: its PNG when present, else rendered from audio; resized.
    public func image(of item: Int) throws -> RGBImage {
        let track = tracks[item]
        let image: RGBImage
        if let url = layout?.imageURL(for: track.id), FileManager.default.fileExists(atPath: url.path) {
            image = try RGBImage(contentsOfPNG: url)
        } else {
            image = try renderer.render(try AudioFile.read(track.url, sampleRate: 22050).samples)
        }
        return image.width == width && image.height == height ? image : try image.resized(width: width, height: height)
    }

    public func batch(_ items: [Int], epoch: Int = 0) throws -> Batch {
        let inputs = try fillTensor(items: items, shape: [3, height, width], workers: workers) { try self.image(of: $0).values }
        return Batch(inputs: inputs, labels: items.map { tracks[$0].label }, items: items)
    }
}
