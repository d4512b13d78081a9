import Foundation

/// Where the parts of a GTZAN copy live on disk, detected from a root folder or named explicitly.
///
/// - Kaggle ("GTZAN Dataset - Music Genre Classification"): `Data/genres_original/<genre>/<genre>.000NN.wav`,
///   `Data/images_original/<genre>/<genre>000NN.png`, `Data/features_30_sec.csv`, `Data/features_3_sec.csv`.
/// - Marsyas (the original release): `genres/<genre>/<genre>.000NN.au`.
/// Either may sit directly in `root` or under `Data/`; the feature tables and the fault-filtered lists
/// (`train_filtered.txt`, `valid_filtered.txt`, `test_filtered.txt`) are looked for in the root, `Data/`
/// and `splits/`.
public struct GTZANLayout: Sendable {
    /// The two folder conventions.
    public enum Kind: String, CaseIterable, Sendable {
        case kaggle, marsyas

        /// The audio folder's name.
        public var audioFolder: String { self == .kaggle ? "genres_original" : "genres" }
        /// The audio file extension the release uses.
        public var audioExtension: String { self == .kaggle ? "wav" : "au" }
    }

    public let kind: Kind
    public let root: URL
    /// Holds one sub-folder per genre.
    public let audioDirectory: URL
    /// Kaggle's `images_original`, when present.
    public let imagesDirectory: URL?
    /// `features_30_sec.csv`, when present.
    public let features30Seconds: URL?
    /// `features_3_sec.csv`, when present.
    public let features3Seconds: URL?
    /// The folder holding `train_filtered.txt` etc., when present.
    public let splitListsDirectory: URL?

    /// Detects the layout under `root`, or checks the named `kind`.
    /// - Throws: `GTZANError.layoutNotFound` naming what was looked for.
    public init(root: URL, kind: Kind? = nil) throws {
        let bases = [root, root.appendingPathComponent("Data")]
        let kinds = kind.map { [$0] } ?? Kind.allCases
        var found: (Kind, URL)?
        search: for candidate in kinds {
            for base in bases {
                let audio = base.appendingPathComponent(candidate.audioFolder, isDirectory: true)
                if Self.isDirectory(audio) { found = (candidate, audio); break search }
            }
        }
        guard let (detected, audio) = found else {
            let looked = kinds.map { "\($0.audioFolder)/" }.joined(separator: " or ")
            throw GTZANError.layoutNotFound(root, reason: "no \(looked) in it or in Data/")
        }
        self.kind = detected
        self.root = root
        audioDirectory = audio
        let places = bases + [root.appendingPathComponent("splits")]
        func first(_ name: String, directory: Bool = false) -> URL? {
            places.map { $0.appendingPathComponent(name) }
                .first { directory ? Self.isDirectory($0) : FileManager.default.fileExists(atPath: $0.path) }
        }
        imagesDirectory = first("images_original", directory: true)
        features30Seconds = first("features_30_sec.csv")
        features3Seconds = first("features_3_sec.csv")
        splitListsDirectory = first("train_filtered.txt")?.deletingLastPathComponent()
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// The Kaggle image of a track (`<genre>/<genre>000NN.png`), when the images folder exists.
    public func imageURL(for id: TrackID) -> URL? {
        imagesDirectory?.appendingPathComponent(id.genre.name)
            .appendingPathComponent("\(id.genre.name)\(String(format: "%05d", id.number)).png")
    }
}
