import Foundation
import GTZAN

/// The evaluation protocol of a run and what its splits keep together, chosen from the data and the options.
///
/// - Artist ids: `--artists FILE` (`track<TAB>artist`) when given, else those the collection ships: for GTZAN the
///   `*_groups.txt` files the layout found (the artist-filtered folds of `splits/artist-filtered-3fold/`), FMA's
///   `artist.id`, a table's `artist` column; a folder per label has none.
/// - Protocol: `--protocol` when given; otherwise `artist` when artist ids are known for any excerpt of the data,
///   else `track`, with a warning that artist leakage is not excluded (and `protocolNote` saying so in every
///   report). `artist` without any artist id is an error; `official` uses the collection's own split (FMA).
///   Under `artist`, excerpts without an artist id (own, or through a replica) each form their own group: the
///   runner warns with their number, since their artists may be on two sides.
/// - Replicas (under `artist` and `track`): found by content (`ReplicaGroups.detect`, hashes remembered in the
///   cache folder for unchanged files) plus `--replicas FILE`,
///   merged into one group each and reported.
public struct RunGrouping {
    public let grouping: TrackGrouping
    /// Where the artist ids came from, e.g. `3 files in splits/artist-filtered-3fold (948 excerpts, 412 artists)`.
    public let artistSource: String
    /// Lines for the log: the protocol, artists, replicas and warnings.
    public let notes: [String]

    /// - Throws: `ExperimentError.invalidOption` for `--protocol artist` without artist ids, or `official` for a
    ///   collection without its own split; list and decoder errors.
    public init(dataset: LabelledCollection, settings: RunSettings) throws {
        let artists = try settings.artistsFile.map { try ArtistList(contentsOf: [$0], tracks: dataset.images.map(\.id)) } ?? dataset.artists
        let origin = settings.artistsFile.map { "1 file(s) in \($0.deletingLastPathComponent().path)" } ?? dataset.artistSource
        let excerpts = Set(dataset.images.map(\.id))
        let known = excerpts.filter { artists[$0] != nil }.count
        artistSource = origin == "none" ? "none"
            : origin + " (\(artists.artists.count) excerpts, \(Set(artists.artists.values).count) artists; \(known) of this data's "
              + "\(excerpts.count) excerpts listed)"
        let chosen = settings.evaluationProtocol ?? (known > 0 ? .artist : .track)
        if chosen == .artist, known == 0 {
            throw ExperimentError.invalidOption("--protocol", "artist needs artist ids for the data: "
                + (origin == "none" ? "\(dataset.title) has none (a GTZAN copy: *_groups.txt in its root, Data/, splits/ or "
                                      + "their sub-folders; a table: an artist column; FMA: artist.id)"
                                    : "none of the \(artists.artists.count) listed excerpts is in it")
                + "; give --artists FILE of 'track<TAB>artist' lines")
        }
        if chosen == .official, dataset.officialSplit == nil {
            throw ExperimentError.invalidOption("--protocol", "official needs a collection with its own split (FMA's set.split); "
                                                + "\(dataset.title) has none")
        }
        var replicas = ReplicaGroups()
        if chosen == .artist || chosen == .track {
            replicas = try ReplicaGroups.detect(in: dataset, workers: settings.threads, cache: settings.cacheDirectory)
            if let file = settings.replicasFile { replicas = replicas.merged(with: try ReplicaGroups(contentsOf: file, tracks: dataset.images.map(\.id))) }
        }
        grouping = TrackGrouping(protocol: chosen, artists: artists, replicas: replicas)
        var notes = ["Protocol: \(chosen)" + (settings.evaluationProtocol == nil ? " (default)" : " (--protocol)"),
                     "Artist ids: \(artistSource)"]
        switch chosen {
        case .track where known > 0:
            notes.append("WARNING: split by track although artist ids are known: one artist's excerpts may be on both "
                         + "sides (artist leakage not excluded)")
        case .track:
            notes.append("WARNING: track protocol: no artist ids known for this data, so artist leakage is NOT excluded (GTZAN's "
                         + "excerpts come in runs by one artist; accuracy on new artists may be much lower). Give --artists FILE.")
        case .segment:
            notes.append("WARNING: segment protocol (asked for): segments of one track fall on both sides; accuracies are "
                         + "inflated and not comparable with the artist or track protocol")
        case .official:
            notes.append("Official split of \(dataset.title) (set.split: training, validation, test), used as published; "
                         + "the run's own split plan is not used")
        case .artist: break
        }
        if chosen == .artist || chosen == .track { notes.append("Replicas: \(replicas.summary)") }
        self.notes = notes
        protocolNote = chosen == .track && known == 0 ? "track protocol: no artist ids known" : nil
    }

    /// A short qualification of the protocol for every report (`track protocol: no artist ids known`); nil when
    /// the protocol needs none.
    public let protocolNote: String?

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
