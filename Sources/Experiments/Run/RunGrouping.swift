import Foundation
import GTZAN

/// The evaluation protocol of a run and what its splits keep together, chosen from the data and the options.
///
/// - Artist ids: `--artists FILE` (`track<TAB>artist`) when given, else the `*_groups.txt` files the layout
///   found (the artist-filtered folds of `splits/artist-filtered-3fold/`).
/// - Protocol: `--protocol` when given; otherwise `artist` when artist ids are known for any excerpt of the data,
///   else `track`, with a warning that artist leakage is not excluded. `artist` without any artist id is an error.
///   Under `artist`, excerpts without an artist id (own, or through a replica) each form their own group: the
///   runner warns with their number, since their artists may be on two sides.
/// - Replicas (under `artist` and `track`): found by content (`ReplicaGroups.detect`) plus `--replicas FILE`,
///   merged into one group each and reported.
public struct RunGrouping {
    public let grouping: TrackGrouping
    /// Where the artist ids came from, e.g. `3 files in splits/artist-filtered-3fold (948 excerpts, 412 artists)`.
    public let artistSource: String
    /// Lines for the log: the protocol, artists, replicas and warnings.
    public let notes: [String]

    /// - Throws: `ExperimentError.invalidOption` for `--protocol artist` without artist ids; list and decoder errors.
    public init(dataset: GTZANDataset, settings: RunSettings) throws {
        let files = settings.artistsFile.map { [$0] } ?? dataset.layout.artistListFiles
        let artists = try ArtistList(contentsOf: files)
        let excerpts = Set(dataset.images.map(\.id))
        let known = excerpts.filter { artists[$0] != nil }.count
        artistSource = files.isEmpty ? "none"
            : "\(files.count) file(s) in \(Set(files.map { $0.deletingLastPathComponent().path }).sorted().joined(separator: ", ")) "
              + "(\(artists.artists.count) excerpts, \(Set(artists.artists.values).count) artists; \(known) of this data's "
              + "\(excerpts.count) excerpts listed)"
        let chosen = settings.evaluationProtocol ?? (known > 0 ? .artist : .track)
        if chosen == .artist, known == 0 {
            throw ExperimentError.invalidOption("--protocol", "artist needs artist ids for the data: "
                + (files.isEmpty ? "no *_groups.txt in \(dataset.layout.root.path) (root, Data/, splits/ and their sub-folders)"
                                 : "none of the \(artists.artists.count) listed excerpts is in it")
                + "; give --artists FILE of 'track<TAB>artist' lines")
        }
        var replicas = ReplicaGroups()
        if !chosen.isLeaky {
            replicas = try ReplicaGroups.detect(in: dataset, workers: settings.threads)
            if let file = settings.replicasFile { replicas = replicas.merged(with: try ReplicaGroups(contentsOf: file)) }
        }
        grouping = TrackGrouping(protocol: chosen, artists: artists, replicas: replicas)
        var notes = ["Protocol: \(chosen)" + (settings.evaluationProtocol == nil ? " (default)" : " (--protocol)"),
                     "Artist ids: \(artistSource)"]
        switch chosen {
        case .track where known > 0:
            notes.append("WARNING: split by track although artist ids are known: one artist's excerpts may be on both "
                         + "sides (artist leakage not excluded)")
        case .track:
            notes.append("WARNING: no artist ids for this data: split by track, so artist leakage is NOT excluded (GTZAN's "
                         + "excerpts come in runs by one artist; accuracy on new artists may be much lower). Give --artists FILE.")
        case .segment:
            notes.append("WARNING: segment protocol (asked for): segments of one track fall on both sides; accuracies are "
                         + "inflated and not comparable with the artist or track protocol")
        case .artist: break
        }
        if !chosen.isLeaky { notes.append("Replicas: \(replicas.summary)") }
        self.notes = notes
    }

    /// The warning for excerpts of `table` without an artist id under the artist protocol; nil when there are none.
    public func missingArtistWarning(_ table: SplitTable) -> String? {
        guard grouping.evaluationProtocol == .artist else { return nil }
        let tracks = Set(table.rows.map(\.track))
        let missing = grouping.tracksWithoutArtist(tracks)
        guard !missing.isEmpty else { return nil }
        return "WARNING: \(missing.count) of \(tracks.count) excerpts have no artist id; each is its own group, so their "
            + "artists may be on two sides: " + missing.prefix(8).map(\.description).joined(separator: ", ")
            + (missing.count > 8 ? ", …" : "")
    }
}
