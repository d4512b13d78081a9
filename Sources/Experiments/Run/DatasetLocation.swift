import Foundation
import GTZAN

/// The collection a run uses: the `--data` path (GTZAN, FMA, a folder per label or a track table), or the
/// synthetic GTZAN from the cache.
public struct DatasetLocation {
    public let dataset: LabelledCollection
    /// True for the generated synthetic dataset.
    public let isSynthetic: Bool
    /// A sentence for reports: where the data is and how it came to be.
    public let description: String

    /// Opens the data of `settings` for `genres` (nil: every label of the collection; `settings.labels` when
    /// given replaces them), generating the synthetic dataset when needed.
    /// - Throws: `ExperimentError.tooFewClasses` when fewer than two labels are asked for or have tracks;
    ///   `GTZANError` when the collection cannot be opened.
    public init(settings: RunSettings, genres: [Genre]?) throws {
        let labels = settings.labels ?? genres
        if let root = settings.dataRoot {
            dataset = try LabelledCollection(detecting: root, labels: labels, fmaSubset: settings.fmaSubset)
            isSynthetic = false
            if case let .gtzan(kind) = dataset.source {
                description = "GTZAN at \(root.path) (\(kind.rawValue) layout)"
            } else {
                description = dataset.title
            }
        } else {
            let synthetic = settings.synthetic
            let (root, generated) = try synthetic.root(in: settings.cacheDirectory)
            dataset = try LabelledCollection(gtzan: try GTZANDataset(root: root, genres: labels ?? Genre.gtzan))
            isSynthetic = true
            description = "SYNTHETIC GTZAN-shaped dataset (no --data given): \(synthetic.tracksPerGenre) tracks per genre of "
                + "\(synthetic.seconds) s, seed \(synthetic.seed), \(generated ? "generated now into" : "cached at") \(root.path)"
        }
        try LabelSetCheck.check(dataset, source: settings.dataRoot?.path ?? description)
    }
}
