import Foundation

extension LabelledCollection {
    /// FMA: the tracks of `subset` (small ⊂ medium ⊂ large) in `tracksFile` (`fma_metadata/tracks.csv`), labelled
    /// by `track.genre_top`, with `artist.id` as artist ids and `set.split` as `officialSplit`. Audio is read from
    /// `fma_<subset>/<3 digits>/<6 digits>.mp3` beside `fma_metadata/`. Tracks without a `genre_top` are left out
    /// and counted in `notes`; missing or undecodable MP3s are skipped and reported.
    /// - Parameters:
    ///   - tracksFile: FMA's `fma_metadata/tracks.csv`.
    ///   - subset: the subset whose tracks and `fma_<subset>/` audio folder are used.
    ///   - labels: the `genre_top` values to keep (nil: all).
    /// - Throws: `GTZANError.malformedFile` for a bad `tracks.csv`; `layoutNotFound` without `fma_<subset>/`;
    ///   `unknownLabel`.
    public init(fma tracksFile: URL, subset: FMASubset = .small, labels: [Genre]? = nil) throws {
        let metadata = try FMAMetadata(contentsOf: tracksFile)
        let root = tracksFile.deletingLastPathComponent().deletingLastPathComponent()
        let audio = root.appendingPathComponent("fma_\(subset.rawValue)", isDirectory: true)
        guard Self.isDirectory(audio) else {
            throw GTZANError.layoutNotFound(root, reason: "FMA metadata found (\(tracksFile.path)) but no fma_\(subset.rawValue)/ audio "
                                            + "folder beside fma_metadata/ (choose the subset with --fma-subset)")
        }
        let members = metadata.tracks.filter { $0.subset.map { $0 <= subset } ?? false }
        let labelled = members.compactMap { track -> (FMATrack, TrackID)? in
            track.genreTop.map { (track, TrackID(genre: Genre($0), name: String(format: "%06d", track.id))) }
        }
        let candidates = labelled.map { track, id in
            Candidate(id: id, url: FMAMetadata.audioURL(root: root, subset: subset, id: track.id), artist: track.artistID)
        }
        let split = Dictionary(labelled.compactMap { track, id in track.split.map { (id, $0) } }, uniquingKeysWith: { first, _ in first })
        let note = "\(members.count) of the \(metadata.tracks.count) tracks in \(tracksFile.lastPathComponent) are in the "
            + "\(subset.rawValue) subset; \(members.count - labelled.count) of them have no track.genre_top and are left out"
        try self.init(source: .fma(subset), root: root, candidates: candidates, skipped: [],
                      artistSource: "artist.id of \(tracksFile.path)", officialSplit: split, notes: [note], labels: labels)
    }
}
