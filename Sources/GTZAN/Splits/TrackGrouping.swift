/// What a split keeps together: the grouping key of every item under an `EvaluationProtocol`.
///
/// - `artist`: tracks of one artist share a key; tracks without a known artist id each keep their own
///   (a replica without an id takes its copy's artist).
/// - `track`: each track has its own key.
/// - `segment`: each item (segment, feature row) has its own key, whatever its track.
/// Under `artist` and `track`, replicas (`ReplicaGroups`) are merged into one key, so that copies of a
/// recording (and the artists they join) always fall on one side.
public struct TrackGrouping: Sendable {
    public let evaluationProtocol: EvaluationProtocol
    public let artists: ArtistList
    public let replicas: ReplicaGroups
    /// The representative node of each track linked to others (by artist or replica).
    private let representative: [TrackID: String]
    /// Artists of tracks without their own id, taken from a replica.
    private let inheritedArtists: [TrackID: String]

    /// Groups by track, without artists or replicas.
    public static let byTrack = TrackGrouping(protocol: .track)
    /// One group per item: the leaky protocol.
    public static let bySegment = TrackGrouping(protocol: .segment)

    public init(protocol evaluationProtocol: EvaluationProtocol, artists: ArtistList = ArtistList(),
                replicas: ReplicaGroups = ReplicaGroups()) {
        self.evaluationProtocol = evaluationProtocol
        self.artists = artists
        self.replicas = replicas
        var inherited: [TrackID: String] = [:]
        for group in replicas.groups {
            let known = Set(group.tracks.compactMap { artists[$0] })
            guard known.count == 1, let artist = known.first else { continue }
            for track in group.tracks where artists[track] == nil { inherited[track] = artist }
        }
        inheritedArtists = inherited
        var sets = UnionFind<String>()
        var linked = Set<TrackID>()
        if evaluationProtocol == .artist {
            for (track, artist) in artists.artists.merging(inherited, uniquingKeysWith: { own, _ in own }) {
                sets.union(Self.node(track), "artist:" + artist)
                linked.insert(track)
            }
        }
        if evaluationProtocol != .segment {
            for group in replicas.groups {
                for track in group.tracks { sets.union(Self.node(group.tracks[0]), Self.node(track)) }
                linked.formUnion(group.tracks)
            }
        }
        representative = Dictionary(uniqueKeysWithValues: linked.map { ($0, sets.find(Self.node($0))) })
    }

    private static func node(_ track: TrackID) -> String { "track:\(track)" }

    /// The artist id of `track`: its own, or that of a replica; nil when unknown.
    public func artist(of track: TrackID) -> String? {
        artists[track] ?? inheritedArtists[track]
    }

    /// The grouping key of each item: equal keys must fall on one side of a split. Keys are numbered from 0
    /// in order of first appearance.
    public func keys<Item: TrackItem>(_ items: [Item]) -> [Int] {
        guard evaluationProtocol != .segment else { return Array(items.indices) }
        var numbers: [String: Int] = [:]
        return items.map { item in
            let key = representative[item.trackID] ?? Self.node(item.trackID)
            if let number = numbers[key] { return number }
            numbers[key] = numbers.count
            return numbers.count - 1
        }
    }

    /// Of `tracks`, those whose artist is unknown (own or through a replica), sorted.
    public func tracksWithoutArtist(_ tracks: some Sequence<TrackID>) -> [TrackID] {
        Set(tracks).filter { artist(of: $0) == nil }.sorted()
    }
}
