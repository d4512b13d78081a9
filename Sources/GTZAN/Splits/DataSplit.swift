/// Training, validation and test items, and the protocol that produced them.
public struct DataSplit<Item>: Sendable where Item: Sendable {
    public var train: [Item]
    public var validation: [Item]
    public var test: [Item]
    public var evaluationProtocol: EvaluationProtocol

    public init(train: [Item], validation: [Item], test: [Item], evaluationProtocol: EvaluationProtocol = .track) {
        self.train = train
        self.validation = validation
        self.test = test
        self.evaluationProtocol = evaluationProtocol
    }

    /// The same split with `transform` applied to every side (e.g. tracks → their segments).
    public func flatMap<T>(_ transform: (Item) throws -> [T]) rethrows -> DataSplit<T> {
        DataSplit<T>(train: try train.flatMap(transform), validation: try validation.flatMap(transform),
                     test: try test.flatMap(transform), evaluationProtocol: evaluationProtocol)
    }
}

extension DataSplit where Item: TrackItem {
    /// Tracks with items on more than one side, sorted. Empty for every split by artist or track.
    public func leakingTrackIDs() -> [TrackID] {
        leaking(train.map(\.trackID), validation.map(\.trackID), test.map(\.trackID)).sorted()
    }

    /// Tracks whose group under `grouping` (artist, or track with its replicas) has items on more than one
    /// side, sorted. Empty for every split made with `grouping`.
    public func tracksLeakingGroups(under grouping: TrackGrouping) -> [TrackID] {
        let keys = grouping.keys(train + validation + test)
        let sides = [0, train.count, train.count + validation.count, keys.count]
        let leakingKeys = leaking(keys[sides[0]..<sides[1]], keys[sides[1]..<sides[2]], keys[sides[2]..<sides[3]])
        return Set((train + validation + test).indices.filter { leakingKeys.contains(keys[$0]) }
            .map { (train + validation + test)[$0].trackID }).sorted()
    }

    private func leaking<Key: Hashable>(_ a: some Sequence<Key>, _ b: some Sequence<Key>, _ c: some Sequence<Key>) -> Set<Key> {
        let sides = [Set(a), Set(b), Set(c)]
        return sides[0].intersection(sides[1]).union(sides[0].intersection(sides[2])).union(sides[1].intersection(sides[2]))
    }

    /// Checks that no track has items on two sides.
    /// - Throws: `GTZANError.trackLeakage` with the offending track ids.
    public func checkNoTrackLeakage() throws {
        let leaking = leakingTrackIDs()
        guard leaking.isEmpty else { throw GTZANError.trackLeakage(trackIDs: leaking.map(\.description)) }
    }

    /// A one-line description: sizes per side and the protocol.
    public var summary: String {
        "train \(train.count), validation \(validation.count), test \(test.count); protocol: \(evaluationProtocol)"
    }
}
