import Foundation
import GTZAN

/// The artist-filtered folds of Foleis & Tavares (`julianofoleiss/gtzan_sturm_filter_3folds_stratified`):
/// `f<N>_evaluate_groups.txt` lists fold N's excerpts with their artist ids (read by GTZAN's `ArtistList`);
/// training on fold N's complement and testing on fold N never puts one artist on both sides.
struct ArtistFoldFiles {
    /// The tracks of each fold.
    let folds: [Set<TrackID>]

    /// Reads `f1_…` to `f<count>_…` in `directory` and checks that the folds are disjoint in tracks and artists.
    /// - Throws: `GTZANError.malformedFile` for an unreadable list, `ExperimentError.unusableFile` naming the
    ///   file of a track or artist found in two folds.
    init(directory: URL, count: Int = 3) throws {
        var folds: [Set<TrackID>] = []
        var foldOfTrack: [TrackID: Int] = [:]
        var foldOfArtist: [String: Int] = [:]
        for fold in 1...count {
            let url = directory.appendingPathComponent("f\(fold)_evaluate_groups.txt")
            let list = try ArtistList(contentsOf: [url])
            for (track, artist) in list.artists {
                if let other = foldOfTrack.updateValue(fold, forKey: track) {
                    throw ExperimentError.unusableFile(url, "\(track) is in folds \(other) and \(fold)")
                }
                if let other = foldOfArtist.updateValue(fold, forKey: artist), other != fold {
                    throw ExperimentError.unusableFile(url, "artist \(artist) is in folds \(other) and \(fold)")
                }
            }
            folds.append(Set(list.artists.keys))
        }
        self.folds = folds
    }
}
