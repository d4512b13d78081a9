import AudioIO
import Foundation

/// Labelled audio tracks of any collection, opened into one model: each track has a path, a string label
/// and, when the collection says, an artist id.
///
/// Four sources (`init(detecting:labels:fmaSubset:)` picks one from a path):
/// - a folder per label, `<root>/<label>/<file>`, any names and any number of labels
///   (`init(folders:labels:)`);
/// - a table of `path,label[,artist]` rows, CSV or TSV (`init(table:labels:)`);
/// - a GTZAN copy in any layout, exactly as `GTZANDataset` opens it (`init(gtzan:)`);
/// - FMA, from `fma_metadata/tracks.csv` and `fma_<subset>/` (`init(fma:subset:labels:)`).
///
/// Every audio header is read when the collection is opened (`AudioFile.info`); files that cannot be decoded
/// are listed in `skipped` with the reason and left out, never dropped silently (`report` states them).
/// Labels index `genres`, the labels with tracks in name order, so the same names always get the same indices.
public struct LabelledCollection: Sendable {
    /// Where the tracks and their labels come from.
    public enum Source: Sendable, Equatable, CustomStringConvertible {
        /// A GTZAN copy in the given layout.
        case gtzan(GTZANLayout.Kind)
        /// `<root>/<label>/<file>`.
        case folders
        /// A CSV or TSV table of `path,label[,artist]`.
        case table
        /// FMA's `tracks.csv` with the audio of one subset.
        case fma(FMASubset)

        /// `GTZAN (kaggle layout)`, `folder-per-label`, `table`, `FMA (small subset)`.
        public var description: String {
            switch self {
            case let .gtzan(kind): return "GTZAN (\(kind.rawValue) layout)"
            case .folders: return "folder-per-label collection"
            case .table: return "track table"
            case let .fma(subset): return "FMA (\(subset.rawValue) subset)"
            }
        }
    }

    /// A file found for the collection, before its header is read.
    struct Candidate: Sendable {
        let id: TrackID
        let url: URL
        let artist: String?
    }

    /// Audio file extensions considered in folders: every format libsndfile 1.2 decodes.
    public static let audioExtensions: Set<String> = GTZANDataset.audioExtensions.union([
        "wave", "aifc", "oga", "opus", "w64", "rf64", "caf", "mp1", "mp2", "voc", "paf", "svx", "nist", "sph",
        "sf", "ircam", "mat", "pvf", "xi", "htk", "sds", "avr", "wve", "sd2",
    ])

    public let source: Source
    /// The folder (or, for a table, the file) the collection was opened from.
    public let root: URL
    /// The GTZAN layout (feature tables, fault-filtered lists, artist folds); nil for other collections.
    public let gtzanLayout: GTZANLayout?
    /// The labels with decodable tracks, in name order; a track's `label` indexes this array.
    public let genres: [Genre]
    /// Decodable tracks, sorted by id.
    public let tracks: [Track]
    /// The labels with an image (stored or rendered from audio); a `TrackImage`'s label indexes it.
    public let imageGenres: [Genre]
    /// One image per track: GTZAN's stored PNG when present, else rendered from the track's audio.
    public let images: [TrackImage]
    /// Files left out, with the reason, sorted by path.
    public let skipped: [SkippedFile]
    /// The artist ids the collection ships (GTZAN's `*_groups.txt`, FMA's `artist.id`, a table's `artist` column).
    public let artists: ArtistList
    /// Where `artists` come from, or `none`.
    public let artistSource: String
    /// The collection's own split (FMA's `set.split`); nil when it has none.
    public let officialSplit: [TrackID: SplitTable.Side]?
    /// What was left out besides files (e.g. FMA tracks without `genre_top`), one sentence each.
    public let notes: [String]

    /// Opens `path`: a `.csv`/`.tsv` file as a table; a folder as GTZAN when it has a GTZAN layout, as FMA when
    /// `fma_metadata/tracks.csv` is under or beside it, else as a folder per label.
    /// - Parameters:
    ///   - path: a folder, or a `.csv`/`.tsv` file.
    ///   - labels: the labels to keep (nil: all); each must be one of the collection's.
    ///   - fmaSubset: the FMA subset, when the path is FMA.
    /// - Throws: `GTZANError` naming the file and the problem (no collection found, a bad table row, an unknown label).
    public init(detecting path: URL, labels: [Genre]? = nil, fmaSubset: FMASubset = .small) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
            throw GTZANError.layoutNotFound(path, reason: "no such file or folder")
        }
        if !isDirectory.boolValue {
            guard ["csv", "tsv"].contains(path.pathExtension.lowercased()) else {
                throw GTZANError.layoutNotFound(path, reason: "a file that is not a .csv or .tsv table of path,label[,artist]")
            }
            try self.init(table: path, labels: labels)
        } else if (try? GTZANLayout(root: path)) != nil {
            try self.init(gtzan: try GTZANDataset(root: path, genres: labels ?? Genre.gtzan))
        } else if let tracksFile = FMAMetadata.locate(from: path) {
            try self.init(fma: tracksFile, subset: fmaSubset, labels: labels)
        } else {
            try self.init(folders: path, labels: labels)
        }
    }

    /// A GTZAN copy as a collection: the same tracks, images, labels and skipped files, with the artist ids of
    /// its artist-filtered folds on the tracks.
    /// - Throws: `GTZANError.malformedFile` for an unreadable `*_groups.txt`.
    public init(gtzan dataset: GTZANDataset) throws {
        let files = dataset.layout.artistListFiles
        let artists = try ArtistList(contentsOf: files)
        source = .gtzan(dataset.layout.kind)
        root = dataset.layout.root
        gtzanLayout = dataset.layout
        genres = dataset.genres
        tracks = dataset.tracks.map {
            Track(id: $0.id, label: $0.label, url: $0.url, frames: $0.frames, sampleRate: $0.sampleRate, artist: artists[$0.id])
        }
        imageGenres = dataset.imageGenres
        images = dataset.images
        skipped = dataset.skipped
        self.artists = artists
        artistSource = files.isEmpty ? "none"
            : "\(files.count) file(s) in \(Set(files.map { $0.deletingLastPathComponent().path }).sorted().joined(separator: ", "))"
        officialSplit = nil
        notes = []
        contentsOverride = dataset.contents
    }

    /// The collection of `candidates` (kept to `labels` when given): headers read in parallel, one file per id.
    /// - Throws: `GTZANError.unknownLabel` for an asked label the candidates lack (names match ignoring case when
    ///   only one label does); `layoutNotFound` when no
    ///   candidate is decodable.
    init(source: Source, root: URL, candidates: [Candidate], skipped: [SkippedFile], artistSource: String,
         officialSplit: [TrackID: SplitTable.Side]?, notes: [String], labels: [Genre]?) throws {
        var kept = candidates
        if let labels {
            let asked = Set(try Self.resolve(labels, among: Set(candidates.map(\.id.genre)), collection: root))
            kept = candidates.filter { asked.contains($0.id.genre) }
        }
        var skipped = skipped
        var found: [TrackID: Track] = [:]
        for (candidate, probe) in zip(kept, Self.probe(kept)) {
            switch probe {
            case let .failure(error): skipped.append(SkippedFile(url: candidate.url, reason: "\(error)"))
            case let .success(track):
                if let other = found[track.id] {
                    skipped.append(SkippedFile(url: candidate.url, reason: "another file of \(track.id) is used: \(other.url.lastPathComponent)"))
                } else {
                    found[track.id] = track
                }
            }
        }
        let labelSet = LabelSet(found.keys.map(\.genre))
        self.source = source
        self.root = root
        gtzanLayout = nil
        genres = labelSet.labels
        tracks = found.values.map { $0.labelled(labelSet.index(of: $0.genre)!) }.sorted()
        imageGenres = genres
        images = tracks.map { TrackImage(id: $0.id, label: $0.label, source: .audio($0.url)) }
        self.skipped = skipped.sorted { $0.url.path < $1.url.path }
        artists = ArtistList(artists: Dictionary(uniqueKeysWithValues: tracks.compactMap { track in track.artist.map { (track.id, $0) } }))
        self.artistSource = artistSource
        self.officialSplit = officialSplit.map { split in split.filter { found[$0.key] != nil } }
        self.notes = notes
        contentsOverride = nil
        guard !tracks.isEmpty else {
            throw GTZANError.layoutNotFound(root, reason: "no decodable audio file in this \(source) (\(kept.count) listed, "
                                            + "\(self.skipped.count) skipped\(self.skipped.first.map { ", e.g. \($0)" } ?? ""))")
        }
    }

    /// The labels of `present` that `asked` names: the label of that name, else the one label that matches it
    /// ignoring case (`--labels rock` is FMA's `Rock`; `Genre.subset` lower-cases GTZAN's names).
    /// - Throws: `GTZANError.unknownLabel` for a name that matches no label, or several only when ignoring case.
    private static func resolve(_ asked: [Genre], among present: Set<Genre>, collection: URL) throws -> [Genre] {
        try asked.map { label in
            if present.contains(label) { return label }
            let matches = present.filter { $0.name.lowercased() == label.name.lowercased() }
            guard matches.count == 1, let match = matches.first else {
                throw GTZANError.unknownLabel(label.name, collection: collection, available: LabelSet(present).names)
            }
            return match
        }
    }

    /// GTZAN's own wording of its contents (images and excerpts); nil for other collections.
    private let contentsOverride: String?

    /// Reads each candidate's header in parallel (labels are assigned once the labels present are known).
    private static func probe(_ candidates: [Candidate]) -> [Result<Track, Error>] {
        ConcurrentResults.map(candidates.count) { index in
            let candidate = candidates[index]
            let info = try AudioFile.info(candidate.url)
            return Track(id: candidate.id, label: 0, url: candidate.url, frames: info.frames, sampleRate: info.sampleRate,
                         artist: candidate.artist)
        }
    }

    /// `genres` as a label set: label `i` is output `i` of a model trained on `tracks`.
    public var labels: LabelSet { LabelSet(genres) }

    /// Tracks per label, in `genres` order.
    public var countsPerGenre: [Int] {
        genres.indices.map { label in tracks.lazy.filter { $0.label == label }.count }
    }

    /// True when some track (or GTZAN excerpt) has an artist id.
    public var hasArtistIDs: Bool { !artists.isEmpty }

    /// What the collection holds, e.g. `240 tracks of 3 labels (ambient 80, drone 80, noise 80)`; GTZAN's
    /// wording (`GTZANDataset.contents`) for a GTZAN copy.
    public var contents: String {
        contentsOverride ?? "\(tracks.count) tracks of \(genres.count) labels ("
            + zip(genres, countsPerGenre).map { "\($0.name) \($1)" }.joined(separator: ", ") + ")"
    }

    /// The collection's kind and place, e.g. `FMA (small subset) at /data/fma`.
    public var title: String { "\(source) at \(root.path)" }

    /// A human-readable summary: source, contents, notes and every skipped file with its reason.
    public var report: String {
        var lines = ["\(title): \(contents)"] + notes
        lines.append(skipped.isEmpty ? "no file skipped" : "\(skipped.count) file(s) skipped:")
        lines += skipped.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
