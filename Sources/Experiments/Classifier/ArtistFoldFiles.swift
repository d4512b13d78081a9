import Foundation
import GTZAN

/// The artist-filtered folds of Foleis & Tavares (`julianofoleiss/gtzan_sturm_filter_3folds_stratified`):
/// `f<N>_evaluate.txt` lists fold N's excerpts (`./<genre>_000NN.wav<TAB><genre>`), `f<N>_evaluate_groups.txt`
/// their artist ids; training on fold N's complement and testing on fold N never puts one artist on both sides.
struct ArtistFoldFiles {
    /// The tracks of each fold.
    let folds: [Set<TrackID>]
    /// The artist id of every listed track.
    let artists: [TrackID: String]

    /// Reads `f1_…` to `f<count>_…` in `directory` and checks that the folds are disjoint in tracks and artists.
    /// - Throws: `ExperimentError.unusableFile` naming the file and line of the first problem.
    init(directory: URL, count: Int = 3) throws {
        var folds: [Set<TrackID>] = []
        var artists: [TrackID: String] = [:]
        var foldOfArtist: [String: Int] = [:]
        for fold in 1...count {
            let url = directory.appendingPathComponent("f\(fold)_evaluate_groups.txt")
            var tracks = Set<TrackID>()
            for (track, artist) in try Self.pairs(in: url) {
                guard tracks.insert(track).inserted, artists.updateValue(artist, forKey: track) == nil else {
                    throw ExperimentError.unusableFile(url, "\(track) is listed twice")
                }
                if let other = foldOfArtist.updateValue(fold, forKey: artist), other != fold {
                    throw ExperimentError.unusableFile(url, "artist \(artist) is in folds \(other) and \(fold)")
                }
            }
            folds.append(tracks)
        }
        self.folds = folds
        self.artists = artists
    }

    /// `(track, second column)` of each line of a fold list.
    private static func pairs(in url: URL) throws -> [(TrackID, String)] {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ExperimentError.unusableFile(url, "cannot read the fold list: \(error.localizedDescription)")
        }
        return try text.split(whereSeparator: \.isNewline).enumerated().map { number, line in
            let fields = line.split(separator: "\t")
            guard fields.count == 2 else { throw ExperimentError.unusableFile(url, "line \(number + 1): expected <file><TAB><value>") }
            // `./blues_00012.wav` names GTZAN's `blues.00012`.
            let name = fields[0].replacingOccurrences(of: "_", with: ".")
            do {
                return (try TrackID(parsing: name, file: url), String(fields[1]))
            } catch {
                throw ExperimentError.unusableFile(url, "line \(number + 1): \(error)")
            }
        }
    }
}
