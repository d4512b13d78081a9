import AudioIO
import Foundation

/// The excerpts of a GTZAN copy on disk, for the chosen genres: those with audio (`tracks`) and the
/// spectrogram images (`images`), each labelled within the genres it actually has.
///
/// A copy may hold audio for some excerpts only, or none (Kaggle's `images_original` alone): audio models use
/// every excerpt with audio, image models every image present (plus, for excerpts with audio but no image, one
/// rendered from the audio). Audio files are found by track id in any format AudioIO reads; every header is read
/// (`AudioFile.info`) when the dataset is opened. Files that cannot be decoded (damaged, truncated, not audio) or
/// whose names are not GTZAN names are listed in `skipped` and left out — never a crash, never dropped
/// silently: `report` states them.
public struct GTZANDataset: Sendable {
    /// Audio file extensions considered (anything libsndfile reads that GTZAN copies use).
    public static let audioExtensions: Set<String> = ["wav", "au", "snd", "flac", "aif", "aiff", "ogg", "mp3"]

    public let layout: GTZANLayout
    /// The genres with audio among those asked for, in canonical order; a track's `label` indexes this array.
    public let genres: [Genre]
    /// Decodable tracks, sorted by id (empty for an image-only copy).
    public let tracks: [Track]
    /// The genres with an image (stored or renderable) among those asked for; a `TrackImage`'s label indexes it.
    public let imageGenres: [Genre]
    /// One image per excerpt, sorted by id: the PNG when present, else rendered from the excerpt's audio.
    public let images: [TrackImage]
    /// Files left out, with the reason, sorted by path.
    public let skipped: [SkippedFile]

    /// Opens the dataset under `root` (layout detected unless `kind` is given), keeping `genres`.
    /// - Throws: `GTZANError.layoutNotFound` when there is no layout, or neither audio nor images of `genres`.
    public init(root: URL, genres: [Genre] = Genre.gtzan, kind: GTZANLayout.Kind? = nil) throws {
        guard !genres.isEmpty else { throw GTZANError.invalidParameter("genres", reason: "the genre list is empty") }
        if let other = genres.first(where: { $0.gtzanIndex == nil }) { throw GTZANError.unknownGenre(other.name) }
        layout = try GTZANLayout(root: root, kind: kind)
        let asked = Array(Set(genres)).sorted()
        let candidates = layout.audioDirectory.map { Self.files(in: $0, genres: asked, extensions: Self.audioExtensions) } ?? []
        let probes = Self.probe(candidates)
        var skipped: [SkippedFile] = []
        var found: [TrackID: Track] = [:]
        for (url, probe) in zip(candidates, probes) {
            switch probe {
            case let .failure(error): skipped.append(SkippedFile(url: url, reason: "\(error)"))
            case let .success(track):
                if let kept = found[track.id] {
                    skipped.append(SkippedFile(url: url, reason: "another file of \(track.id) is used: \(kept.url.lastPathComponent)"))
                } else {
                    found[track.id] = track
                }
            }
        }
        self.genres = Array(Set(found.keys.map(\.genre))).sorted()
        tracks = found.values.map { [genres = self.genres] in $0.labelled(genres.firstIndex(of: $0.id.genre)!) }.sorted()
        let pngs = layout.imagesDirectory.map { Self.files(in: $0, genres: asked, extensions: ["png"]) } ?? []
        var stored: [TrackID: URL] = [:]
        for url in pngs {
            do { stored[try Self.trackID(of: url)] = url } catch { skipped.append(SkippedFile(url: url, reason: "\(error)")) }
        }
        let sources = stored.mapValues(TrackImage.Source.png)
            .merging(tracks.map { ($0.id, TrackImage.Source.audio($0.url)) }) { png, _ in png }
        imageGenres = Array(Set(sources.keys.map(\.genre))).sorted()
        images = sources.map { [imageGenres] id, source in
            TrackImage(id: id, label: imageGenres.firstIndex(of: id.genre)!, source: source)
        }.sorted()
        self.skipped = skipped.sorted { $0.url.path < $1.url.path }
        guard !images.isEmpty else {
            throw GTZANError.layoutNotFound(root, reason: "no decodable track or image of \(asked.map(\.name)) in "
                                            + "\(layout.audioDirectory?.path ?? "(no audio folder)") or "
                                            + "\(layout.imagesDirectory?.path ?? "(no \(GTZANLayout.imagesFolder))") "
                                            + "(\(skipped.count) file(s) skipped)")
        }
    }

    /// The files in `<directory>/<genre>/` with one of `extensions`, genre by genre, sorted by name.
    private static func files(in directory: URL, genres: [Genre], extensions: Set<String>) -> [URL] {
        genres.flatMap { genre -> [URL] in
            let folder = directory.appendingPathComponent(genre.name, isDirectory: true)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            return names.sorted().filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }
                .map { folder.appendingPathComponent($0) }
        }
    }

    /// The track id of a file in its genre's folder.
    /// - Throws: `GTZANError.malformedTrackName` for a name that is not GTZAN's or a file in another genre's folder.
    private static func trackID(of url: URL) throws -> TrackID {
        let id = try TrackID(parsing: url.lastPathComponent, file: url)
        guard url.deletingLastPathComponent().lastPathComponent == id.genre.name else {
            throw GTZANError.malformedTrackName(url.lastPathComponent, file: url)
        }
        return id
    }

    /// Reads each file's header in parallel (labels are assigned once the genres present are known).
    private static func probe(_ urls: [URL]) -> [Result<Track, Error>] {
        ConcurrentResults.map(urls.count) { index in
            let url = urls[index]
            let id = try trackID(of: url)
            let info = try AudioFile.info(url)
            return Track(id: id, label: 0, url: url, frames: info.frames, sampleRate: info.sampleRate)
        }
    }

    /// `genres` as a label set: label `i` is output `i` of a model trained on `tracks`.
    public var labels: LabelSet { LabelSet(genres) }

    /// Tracks per genre, in `genres` order.
    public var countsPerGenre: [Int] {
        genres.indices.map { label in tracks.lazy.filter { $0.label == label }.count }
    }

    /// Images per genre, in `imageGenres` order.
    public var imageCountsPerGenre: [Int] {
        imageGenres.indices.map { label in images.lazy.filter { $0.label == label }.count }
    }

    /// The track with `id`, if loaded.
    public func track(_ id: TrackID) -> Track? {
        tracks.first { $0.id == id }
    }

    /// What the copy holds, e.g. `999 images of 10 genres (999 stored, 0 rendered from audio); 168 excerpts with
    /// audio of 4 genres (blues 48, classical 40, country 40, metal 40)`.
    public var contents: String {
        let stored = images.filter(\.isStored).count
        return "\(images.count) images of \(imageGenres.count) genres (\(stored) stored, \(images.count - stored) rendered "
            + "from audio); \(tracks.count) excerpts with audio of \(genres.count) genres"
            + (tracks.isEmpty ? "" : " (" + zip(genres, countsPerGenre).map { "\($0.name) \($1)" }.joined(separator: ", ") + ")")
    }

    /// A human-readable summary: layout, contents and every skipped file with its reason.
    public var report: String {
        var lines = ["GTZAN (\(layout.kind.rawValue) layout) at \(layout.root.path): \(contents)"]
        lines.append(skipped.isEmpty ? "no file skipped" : "\(skipped.count) file(s) skipped:")
        lines += skipped.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
