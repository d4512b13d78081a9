import GTZAN

/// A classifier needs two classes at least, each with tracks: a one-genre folder must not train a ten-class
/// model (nine classes it never sees), nor `--genres blues` a one-class model (accuracy 100 % by construction).
enum LabelSetCheck {
    /// Throws `ExperimentError.tooFewClasses` unless `dataset` asks for two genres or more and holds tracks
    /// of two or more; `source` names the data in the message.
    static func check(_ dataset: LabelledCollection, source: String) throws {
        let present = Set(dataset.tracks.map(\.genre))
        guard dataset.genres.count >= 2, present.count >= 2 else {
            let found = present.sorted().map(\.name).joined(separator: ", ")
            throw ExperimentError.tooFewClasses(
                "\(source): \(dataset.genres.count) genre(s) asked for (\(dataset.genres.map(\.name).joined(separator: ", "))), "
                + "tracks found of \(present.count)\(found.isEmpty ? "" : " (\(found))"); a classifier needs at least two")
        }
    }
}
