import ConcurrencySupport
import AudioIO
import Foundation

/// Excerpts that hold the same recording (GTZAN's exact replicas, e.g. metal 00040 = 00061, and metal 00058 =
/// rock 00016 under two genres), so that splits keep them on one side.
///
/// Found by content: identical decoded audio samples (a `ContentHash` of the samples at the file's native rate
/// plus their rate and channel count, so a WAV and a FLAC of one recording match) or byte-identical image files;
/// and from known lists. Copies linked through any of these form one group.
public struct ReplicaGroups: Sendable, Equatable {
    /// How a link between two excerpts was established.
    public enum Evidence: String, Sendable, Comparable {
        case audio, image, list

        public static func < (lhs: Evidence, rhs: Evidence) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// A set of excerpts with one recording.
    public struct Group: Sendable, Equatable, CustomStringConvertible {
        /// At least two, sorted.
        public let tracks: [TrackID]
        /// Every kind of evidence that linked members of the group, sorted.
        public let evidence: [Evidence]

        public var description: String {
            tracks.map(\.description).joined(separator: " = ") + " (" + evidence.map(\.rawValue).joined(separator: ", ") + ")"
        }
    }

    /// Sorted by their first track.
    public let groups: [Group]

    /// No replicas.
    public init() { groups = [] }

    /// Groups from links: each pair of track ids is one recording, established by its evidence.
    public init(links: [(TrackID, TrackID, Evidence)]) {
        var sets = UnionFind<TrackID>()
        for (a, b, _) in links { sets.union(a, b) }
        let members = Set(links.flatMap { [$0.0, $0.1] })
        var evidence: [TrackID: Set<Evidence>] = [:]
        for (a, _, kind) in links { evidence[sets.find(a), default: []].insert(kind) }
        groups = sets.classes(of: members).map { tracks in
            Group(tracks: tracks.sorted(), evidence: evidence[sets.find(tracks[0]), default: []].sorted())
        }.sorted { $0.tracks[0] < $1.tracks[0] }
    }

    /// The replicas of a known list: one group per line, its track ids separated by tabs, commas or `=`
    /// (`metal.00040 = metal.00061`), or by spaces when the line has none of those; blank lines and `#` comments
    /// are ignored. A name is one of `tracks` as `split.csv` names it (`<label>.<name>`, e.g. `ambient.take 1`,
    /// so names of other collections may hold spaces when the line uses another separator), or a GTZAN name.
    /// - Throws: `GTZANError.malformedFile` naming the line of a name that is not a track, or of a single track.
    public init(contentsOf url: URL, tracks: [TrackID] = []) throws {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw GTZANError.malformedFile(url, reason: "cannot read the replica list")
        }
        let known = Dictionary(tracks.map { ($0.description, $0) }, uniquingKeysWith: { first, _ in first })
        var links: [(TrackID, TrackID, Evidence)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let names = Self.names(in: line)
            guard !names.isEmpty else { continue }
            let ids = try names.map { name -> TrackID in
                guard let id = known[name] ?? (try? TrackID(parsing: name)) else {
                    throw GTZANError.malformedFile(url, reason: "line \(index + 1): '\(name)' is not a track of this data"
                                                   + (tracks.isEmpty ? "" : " (names are <label>.<name>, as in split.csv)"))
                }
                return id
            }
            guard ids.count > 1 else {
                throw GTZANError.malformedFile(url, reason: "line \(index + 1): a replica group needs at least two tracks")
            }
            links += ids.dropFirst().map { (ids[0], $0, .list) }
        }
        self.init(links: links)
    }

    /// The track names of one list line: split at tabs, commas and `=`, or at spaces when it has none of those.
    private static func names(in line: Substring) -> [String] {
        let separators: Set<Character> = ["\t", ",", "="]
        let fields = line.contains(where: separators.contains) ? line.split(whereSeparator: separators.contains)
                                                               : line.split(separator: " ")
        return fields.map { $0.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r"))) }.filter { !$0.isEmpty }
    }

    /// The replicas in `dataset`: tracks with identical decoded audio, stored images with identical bytes.
    /// Files are read `workers` at a time; `cache` (see `ContentHashCache`) spares decoding unchanged files again.
    /// - Throws: the decoder's `AudioIOError` or `GTZANError.malformedFile` naming a file that cannot be read.
    public static func detect(in dataset: GTZANDataset, workers: Int = 2, cache: URL? = nil) throws -> ReplicaGroups {
        try detect(tracks: dataset.tracks, images: dataset.images, workers: workers, cache: cache)
    }

    /// The replicas in `collection` (as `detect(in:)` finds them in a GTZAN copy).
    public static func detect(in collection: LabelledCollection, workers: Int = 2, cache: URL? = nil) throws -> ReplicaGroups {
        try detect(tracks: collection.tracks, images: collection.images, workers: workers, cache: cache)
    }

    private static func detect(tracks: [Track], images: [TrackImage], workers: Int, cache url: URL?) throws -> ReplicaGroups {
        var cache = ContentHashCache(directory: url)
        defer { cache.save() }
        let audio = try hashes(tracks.map { ($0.id, $0.url) }, kind: "audio", cache: &cache, workers: workers) { url in
            let buffer = try AudioFile.read(url, sampleRate: nil, mono: false)
            return ContentHash(of: buffer.samples + [Float(buffer.sampleRate), Float(buffer.channels)])
        }
        let stored = images.compactMap { image -> (TrackID, URL)? in
            if case let .png(url) = image.source { return (image.id, url) }
            return nil
        }
        let images = try hashes(stored, kind: "image", cache: &cache, workers: workers) { url in
            guard let data = try? Data(contentsOf: url) else { throw GTZANError.malformedFile(url, reason: "cannot read the image") }
            return data.withUnsafeBytes { ContentHash($0) }
        }
        return ReplicaGroups(links: links(audio, .audio) + links(images, .image))
    }

    /// These groups and `other`'s, merged where they share a track.
    public func merged(with other: ReplicaGroups) -> ReplicaGroups {
        ReplicaGroups(links: (groups + other.groups).flatMap { group in
            group.tracks.dropFirst().flatMap { track in group.evidence.map { (group.tracks[0], track, $0) } }
        })
    }

    /// The group holding `track`, if any.
    public func group(of track: TrackID) -> Group? {
        groups.first { $0.tracks.contains(track) }
    }

    /// `N replica groups (M excerpts): a = b (audio, image); …`, or `no replicas`.
    public var summary: String {
        guard !groups.isEmpty else { return "no replicas" }
        return "\(groups.count) replica group(s) (\(groups.reduce(0) { $0 + $1.tracks.count }) excerpts) kept on one side: "
            + groups.map(\.description).joined(separator: "; ")
    }

    /// Pairs linking every id with equal hash to the first such id.
    private static func links(_ hashes: [(TrackID, ContentHash)], _ evidence: Evidence) -> [(TrackID, TrackID, Evidence)] {
        var first: [ContentHash: TrackID] = [:]
        return hashes.compactMap { id, hash in
            if let earlier = first[hash] { return (earlier, id, evidence) }
            first[hash] = id
            return nil
        }
    }

    /// The hash of each file, in input order: the cached one of an unchanged file, else computed `workers` files
    /// at a time and recorded in `cache`.
    private static func hashes(_ files: [(TrackID, URL)], kind: String, cache: inout ContentHashCache, workers: Int,
                               _ hash: @Sendable (URL) throws -> ContentHash) throws -> [(TrackID, ContentHash)] {
        let known = files.map { cache.recordedHash(of: $0.1, kind: kind) }
        let missing = files.indices.filter { known[$0] == nil }
        let results = UnsafeMutableBufferPointer<Result<ContentHash, Error>?>.allocate(capacity: missing.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunks = max(1, min(workers, missing.count))
        let slots = SharedPointer(results)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            for slot in stride(from: chunk, to: missing.count, by: chunks) {
                slots[slot] = Result { try hash(files[missing[slot]].1) }
            }
        }
        var computed: [Int: ContentHash] = [:]
        for (slot, index) in missing.enumerated() {
            let value = try results[slot]!.get()
            cache.record(value, of: files[index].1, kind: kind)
            computed[index] = value
        }
        return files.indices.map { (files[$0].0, known[$0] ?? computed[$0]!) }
    }
}
