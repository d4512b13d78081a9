import Foundation

/// Where the parts of a GTZAN copy live on disk, detected from a root folder or named explicitly.
///
/// - Kaggle ("GTZAN Dataset - Music Genre Classification"): `Data/genres_original/<genre>/<genre>.000NN.wav`,
///   `Data/images_original/<genre>/<genre>000NN.png`, `Data/features_30_sec.csv`, `Data/features_3_sec.csv`.
///   A root with `images_original` and no (or a partial) `genres_original` is a Kaggle layout too.
/// - Marsyas (the original release): `genres/<genre>/<genre>.000NN.au`.
/// Either may sit directly in `root` or under `Data/`; the feature tables and the fault-filtered lists
/// (`train_filtered.txt`, `valid_filtered.txt`, `test_filtered.txt`) are looked for in the root, `Data/`
/// and `splits/`; artist ids (`*_groups.txt` of the artist-filtered folds) in those folders and their
/// sub-folders (e.g. `splits/artist-filtered-3fold/`).
public struct GTZANLayout: Sendable {
    /// The two folder conventions.
    public enum Kind: String, CaseIterable, Sendable {
        case kaggle, marsyas

        /// The audio folder's name.
        public var audioFolder: String { self == .kaggle ? "genres_original" : "genres" }
        /// The audio file extension the release uses.
        public var audioExtension: String { self == .kaggle ? "wav" : "au" }
    }

    /// Kaggle's image folder name.
    public static let imagesFolder = "images_original"

    public let kind: Kind
    public let root: URL
    /// Holds one sub-folder of audio per genre; nil for an image-only copy.
    public let audioDirectory: URL?
    /// Kaggle's `images_original`, when present.
    public let imagesDirectory: URL?
    /// `features_30_sec.csv`, when present.
    public let features30Seconds: URL?
    /// `features_3_sec.csv`, when present.
    public let features3Seconds: URL?
    /// The folder holding `train_filtered.txt` etc., when present.
    public let splitListsDirectory: URL?
    /// Files of `<track><TAB><artist id>` lines (`*_groups.txt`), sorted by path; empty when none.
    public let artistListFiles: [URL]

    /// Detects the layout under `root`, or checks the named `kind`.
    /// - Throws: `GTZANError.layoutNotFound` naming what was looked for.
    public init(root: URL, kind: Kind? = nil) throws {
        let bases = [root, root.appendingPathComponent("Data")]
        let kinds = kind.map { [$0] } ?? Kind.allCases
        let audio = kinds.lazy.flatMap { candidate in
            bases.lazy.map { (candidate, $0.appendingPathComponent(candidate.audioFolder, isDirectory: true)) }
        }.first { Self.isDirectory($0.1) }
        let images = bases.map { $0.appendingPathComponent(Self.imagesFolder, isDirectory: true) }.first(where: Self.isDirectory)
        let detected: Kind
        if let audio {
            detected = audio.0
        } else if images != nil, kinds.contains(.kaggle) {
            detected = .kaggle
        } else {
            let looked = kinds.map { "\($0.audioFolder)/" }.joined(separator: " or ")
                + (kinds.contains(.kaggle) ? " or \(Self.imagesFolder)/" : "")
            throw GTZANError.layoutNotFound(root, reason: "no \(looked) in it or in Data/")
        }
        self.kind = detected
        self.root = root
        audioDirectory = audio?.1
        imagesDirectory = images
        let places = bases + [root.appendingPathComponent("splits")]
        func first(_ name: String) -> URL? {
            places.map { $0.appendingPathComponent(name) }.first { FileManager.default.fileExists(atPath: $0.path) }
        }
        features30Seconds = first("features_30_sec.csv")
        features3Seconds = first("features_3_sec.csv")
        splitListsDirectory = first("train_filtered.txt")?.deletingLastPathComponent()
        artistListFiles = Self.artistListFiles(in: places)
    }

    /// `*_groups.txt` in `places` and their immediate sub-folders.
    private static func artistListFiles(in places: [URL]) -> [URL] {
        let manager = FileManager.default
        let folders = places.filter(isDirectory).flatMap { place in
            [place] + ((try? manager.contentsOfDirectory(atPath: place.path)) ?? [])
                .map { place.appendingPathComponent($0, isDirectory: true) }.filter(isDirectory)
        }
        return folders.flatMap { folder in
            ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix("_groups.txt") }
                .map { folder.appendingPathComponent($0) }
        }.sorted { $0.path < $1.path }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The Kaggle image of a track (`<genre>/<genre>000NN.png`), when the images folder exists.
    public func imageURL(for id: TrackID) -> URL? {
        imagesDirectory?.appendingPathComponent(id.genre.name)
            .appendingPathComponent("\(id.genre.name)\(id.name).png")
    }
}
