import GTZAN

/// How tracks (or their segments) are divided into training, validation and test data.
///
/// Every plan splits by track (`.clean`) unless the experiment asks for `.contaminated`; splits are
/// reproducible from their own seed, independent of the training seed.
public enum SplitPlan: CustomStringConvertible, Sendable {
    /// A stratified split by ratio (`StratifiedSplitter.split`).
    case ratio(train: Double, validation: Double, test: Double, seed: UInt64 = 42)
    /// The fault-filtered lists (`train_filtered.txt`, …) when the data folder has them, else `fallback`.
    indirect case filteredLists(fallback: SplitPlan)
    /// Stratified K-fold by track (`StratifiedSplitter.kFold`); each fold tests on one part and holds out
    /// `validationFraction` of the rest for validation.
    case kFold(folds: Int, seed: UInt64, validationFraction: Double = 0.1)

    /// The split of `items` for `fold` (0-based, K-fold only) of the tracks in `dataset`.
    /// - Throws: `GTZANError` for impossible splits; `ExperimentError.leakage` if a clean split shares a track.
    public func apply<Item: TrackItem & Sendable>(_ items: [Item], dataset: GTZANDataset, fold: Int?,
                                                  protocol evaluationProtocol: EvaluationProtocol) throws -> DataSplit<Item> {
        let split: DataSplit<Item>
        switch self {
        case let .ratio(train, validation, test, seed):
            split = try StratifiedSplitter(seed: seed, evaluationProtocol: evaluationProtocol)
                .split(items, train: train, validation: validation, test: test)
        case let .filteredLists(fallback):
            guard let directory = dataset.layout.splitListsDirectory, evaluationProtocol == .clean else {
                return try fallback.apply(items, dataset: dataset, fold: fold, protocol: evaluationProtocol)
            }
            let lists = try FilteredSplitLists(directory: directory)
            let side = { (ids: [TrackID]) in Set(ids) }
            let (train, validation, test) = (side(lists.train), side(lists.validation), side(lists.test))
            split = DataSplit(train: items.filter { train.contains($0.trackID) },
                              validation: items.filter { validation.contains($0.trackID) },
                              test: items.filter { test.contains($0.trackID) }, evaluationProtocol: .clean)
        case let .kFold(folds, seed, validationFraction):
            let index = fold ?? 0
            guard (0..<folds).contains(index) else {
                throw ExperimentError.invalidOption("--folds", "fold \(index + 1) is not in 1...\(folds)")
            }
            split = try StratifiedSplitter(seed: seed, evaluationProtocol: evaluationProtocol)
                .kFold(items, folds: folds)[index].holdingOutValidation(fraction: validationFraction, seed: seed)
        }
        if evaluationProtocol == .clean {
            let leaking = split.leakingTrackIDs()
            guard leaking.isEmpty else { throw ExperimentError.leakage(leaking.map(\.description)) }
        }
        return split
    }

    /// The number of runs the plan asks for (K for K-fold, 1 otherwise).
    public var foldCount: Int {
        if case let .kFold(folds, _, _) = self { return folds }
        return 1
    }

    public var description: String {
        switch self {
        case let .ratio(train, validation, test, seed):
            return "stratified \(train)/\(validation)/\(test) split by track, seed \(seed)"
        case let .filteredLists(fallback): return "fault-filtered lists when present, else \(fallback)"
        case let .kFold(folds, seed, validationFraction):
            return "\(folds)-fold stratified CV by track, seed \(seed), \(validationFraction) of training held out for validation"
        }
    }
}
