import GTZAN

/// How tracks (or their segments) are divided into training, validation and test data.
///
/// Every plan keeps the groups of the run's `TrackGrouping` (artists, or tracks, with their replicas) on one
/// side, unless the run asks for the `segment` protocol; splits are reproducible from their own seed,
/// independent of the training seed.
public enum SplitPlan: CustomStringConvertible, Sendable {
    /// A stratified split by ratio (`StratifiedSplitter.split`).
    case ratio(train: Double, validation: Double, test: Double, seed: UInt64 = 42)
    /// The fault-filtered lists (`train_filtered.txt`, …) when the data folder has them, else `fallback`.
    indirect case filteredLists(fallback: SplitPlan)
    /// Stratified K-fold (`StratifiedSplitter.kFold`); each fold tests on one part and holds out
    /// `validationFraction` of the rest for validation.
    case kFold(folds: Int, seed: UInt64, validationFraction: Double = 0.1)

    /// A split and its `split.csv` table.
    public struct Planned<Item: TrackItem & Sendable> {
        public let split: DataSplit<Item>
        public let table: SplitTable
    }

    /// The split of `items` for `fold` (0-based, K-fold only) of the tracks in `dataset`, grouped by `grouping`.
    /// - Throws: `GTZANError` for impossible splits; `ExperimentError.leakage` if a split by artist or track puts
    ///   one group (artist, track, replicas) on two sides (the fault-filtered lists can).
    public func apply<Item: TrackItem & Sendable>(_ items: [Item], dataset: LabelledCollection, fold: Int?,
                                                  grouping: TrackGrouping) throws -> Planned<Item> {
        let split: DataSplit<Item>
        var folds: [TrackID: Int]?
        if grouping.evaluationProtocol == .official {
            split = try Self.official(items, dataset: dataset)
        } else {
            switch self {
            case let .ratio(train, validation, test, seed):
                split = try StratifiedSplitter(seed: seed, grouping: grouping).split(items, train: train, validation: validation, test: test)
            case let .filteredLists(fallback):
                guard let directory = dataset.gtzanLayout?.splitListsDirectory, !grouping.evaluationProtocol.isLeaky else {
                    return try fallback.apply(items, dataset: dataset, fold: fold, grouping: grouping)
                }
                let lists = try FilteredSplitLists(directory: directory)
                let (train, validation, test) = (Set(lists.train), Set(lists.validation), Set(lists.test))
                split = DataSplit(train: items.filter { train.contains($0.trackID) },
                                  validation: items.filter { validation.contains($0.trackID) },
                                  test: items.filter { test.contains($0.trackID) }, evaluationProtocol: grouping.evaluationProtocol)
            case let .kFold(count, seed, validationFraction):
                let index = fold ?? 0
                guard (0..<count).contains(index) else {
                    throw ExperimentError.invalidOption("--folds", "fold \(index + 1) is not in 1...\(count)")
                }
                let splitter = StratifiedSplitter(seed: seed, grouping: grouping)
                let foldOfItem = try splitter.foldIndices(items, folds: count)
                if !grouping.evaluationProtocol.isLeaky {  // a track's segments may lie in several folds otherwise
                    folds = Dictionary(zip(items.map(\.trackID), foldOfItem), uniquingKeysWith: { first, _ in first })
                }
                split = try splitter.kFold(items, folds: count)[index]
                    .holdingOutValidation(fraction: validationFraction, seed: seed, grouping: grouping)
            }
        }
        if !grouping.evaluationProtocol.isLeaky {
            let leaking = split.tracksLeakingGroups(under: grouping)
            guard leaking.isEmpty else { throw ExperimentError.leakage(leaking.map(\.description)) }
        }
        return Planned(split: split, table: SplitTable(split, grouping: grouping, folds: folds))
    }

    /// `items` on the sides of `dataset`'s own split (the `official` protocol); items of tracks it leaves out
    /// are dropped.
    /// - Throws: `ExperimentError.invalidOption` when the collection has no split of its own.
    private static func official<Item: TrackItem & Sendable>(_ items: [Item], dataset: LabelledCollection) throws -> DataSplit<Item> {
        guard let sides = dataset.officialSplit else {
            throw ExperimentError.invalidOption("--protocol", "official needs a collection with its own split; \(dataset.title) has none")
        }
        let side = { (wanted: SplitTable.Side) in items.filter { sides[$0.trackID] == wanted } }
        return DataSplit(train: side(.train), validation: side(.validation), test: side(.test), evaluationProtocol: .official)
    }

    /// The number of runs the plan asks for (K for K-fold, 1 otherwise).
    public var foldCount: Int {
        if case let .kFold(folds, _, _) = self { return folds }
        return 1
    }

    public var description: String {
        switch self {
        case let .ratio(train, validation, test, seed):
            return "stratified \(train)/\(validation)/\(test) split, seed \(seed)"
        case let .filteredLists(fallback): return "fault-filtered lists when present, else \(fallback)"
        case let .kFold(folds, seed, validationFraction):
            return "\(folds)-fold stratified CV, seed \(seed), \(validationFraction) of training held out for validation"
        }
    }
}
