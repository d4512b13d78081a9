import Foundation

/// The spectrogram image of one excerpt: Kaggle's PNG, or the excerpt's audio to render it from
/// (`SpectrogramImageRenderer`) when the copy has no image for it.
public struct TrackImage: TrackItem, Hashable, Comparable, Sendable {
    /// Where the pixels come from.
    public enum Source: Hashable, Sendable {
        /// A PNG of `images_original`.
        case png(URL)
        /// The audio file, rendered as the Kaggle images are.
        case audio(URL)
    }

    public let id: TrackID
    /// Index of the genre in the dataset's `imageGenres`.
    public let label: Int
    public let source: Source

    public init(id: TrackID, label: Int, source: Source) {
        self.id = id
        self.label = label
        self.source = source
    }

    public var trackID: TrackID { id }

    /// True for a PNG, false for an image rendered from audio.
    public var isStored: Bool {
        if case .png = source { return true }
        return false
    }

    public static func < (lhs: TrackImage, rhs: TrackImage) -> Bool { lhs.id < rhs.id }
}
