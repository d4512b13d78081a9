import Foundation
import GTZAN

/// The dataset a run uses: the `--data` folder, or the synthetic GTZAN from the cache.
public struct DatasetLocation {
    public let dataset: GTZANDataset
    /// True for the generated synthetic dataset.
    public let isSynthetic: Bool
    /// A sentence for reports: where the data is and how it came to be.
    public let description: String

    /// Opens the data of `settings` for `genres`, generating the synthetic dataset when needed.
    /// - Throws: `ExperimentError.tooFewClasses` when fewer than two genres are asked for or have tracks.
    public init(settings: RunSettings, genres: [Genre]?) throws {
        if let root = settings.dataRoot {
            dataset = try GTZANDataset(root: root, genres: genres ?? Genre.gtzan)
            isSynthetic = false
            description = "GTZAN at \(root.path) (\(dataset.layout.kind.rawValue) layout)"
        } else {
            let synthetic = settings.synthetic
            let (root, generated) = try synthetic.root(in: settings.cacheDirectory)
            dataset = try GTZANDataset(root: root, genres: genres ?? Genre.gtzan)
            isSynthetic = true
            description = "SYNTHETIC GTZAN-shaped dataset (no --data given): \(synthetic.tracksPerGenre) tracks per genre of "
                + "\(synthetic.seconds) s, seed \(synthetic.seed), \(generated ? "generated now into" : "cached at") \(root.path)"
        }
        try LabelSetCheck.check(dataset, source: settings.dataRoot?.path ?? description)
    }
}
