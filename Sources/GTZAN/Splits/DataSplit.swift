/// Training, validation and test items, and the protocol that produced them.
public struct DataSplit<Item>: Sendable where Item: Sendable {
    public var train: [Item]
    public var validation: [Item]
    public var test: [Item]
    public var evaluationProtocol: EvaluationProtocol

    public init(train: [Item], validation: [Item], test: [Item], evaluationProtocol: EvaluationProtocol = .clean) {
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
    /// Tracks with items on more than one side, sorted. Empty for every clean split.
    public func leakingTrackIDs() -> [TrackID] {
        let sides = [train, validation, test].map { Set($0.map(\.trackID)) }
        var leaking = sides[0].intersection(sides[1])
        leaking.formUnion(sides[0].intersection(sides[2]))
        leaking.formUnion(sides[1].intersection(sides[2]))
        return leaking.sorted()
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
