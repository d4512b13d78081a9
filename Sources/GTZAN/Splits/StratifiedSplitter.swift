/// Reproducible stratified splits of tracks, segments or feature rows.
///
/// Algorithm (both methods):
/// 1. Group the items: by `trackID` under `.clean`, one group per item under `.contaminated`.
///    Groups are ordered by their first item's track id (then by position in the input), i.e. sorted
///    file names; a group's label is its first item's label.
/// 2. For each label in increasing order, shuffle that label's groups with one `SplitMix64(seed:)`
///    (Fisher–Yates as in `SplitMix64.shuffle`), continuing the same generator from label to label.
/// 3. Deal: K-fold gives the i-th shuffled group of every label to fold `i mod K`; a ratio split
///    gives the first `round(n · train)` groups of each label to training, the next
///    `round(n · validation)` to validation and the rest to test.
/// Items keep their input order within each side.
public struct StratifiedSplitter: Sendable {
    public var seed: UInt64
    public var evaluationProtocol: EvaluationProtocol

    /// - Parameter evaluationProtocol: `.clean` (default) groups by track; `.contaminated` must be explicit.
    public init(seed: UInt64, evaluationProtocol: EvaluationProtocol = .clean) {
        self.seed = seed
        self.evaluationProtocol = evaluationProtocol
    }

    /// K stratified folds: split `k` tests on fold `k` and trains on the others (validation empty;
    /// see `DataSplit.holdingOutValidation`).
    /// - Throws: `GTZANError.invalidParameter` when `folds < 2` or a fold would be empty.
    public func kFold<Item: TrackItem & Sendable>(_ items: [Item], folds: Int = 5) throws -> [DataSplit<Item>] {
        guard folds >= 2 else { throw GTZANError.invalidParameter("folds", reason: "\(folds) must be at least 2") }
        let groups = shuffledGroups(items)
        guard groups.count >= folds else {
            throw GTZANError.invalidParameter("folds", reason: "\(folds) folds need at least \(folds) groups, got \(groups.count)")
        }
        var foldOfItem = [Int](repeating: 0, count: items.count)
        for labelGroups in groups.byLabel {
            for (rank, group) in labelGroups.enumerated() {
                for index in group { foldOfItem[index] = rank % folds }
            }
        }
        return (0..<folds).map { fold in
            DataSplit(train: items.indices.filter { foldOfItem[$0] != fold }.map { items[$0] }, validation: [],
                      test: items.indices.filter { foldOfItem[$0] == fold }.map { items[$0] },
                      evaluationProtocol: evaluationProtocol)
        }
    }

    /// A stratified train/validation/test split by ratio (`train + validation + test == 1`).
    /// - Throws: `GTZANError.invalidParameter` for negative ratios or ones that do not sum to 1.
    public func split<Item: TrackItem & Sendable>(_ items: [Item], train: Double, validation: Double,
                                                  test: Double) throws -> DataSplit<Item> {
        guard min(train, validation, test) >= 0, abs(train + validation + test - 1) < 1e-6 else {
            throw GTZANError.invalidParameter("ratios", reason: "train \(train), validation \(validation), test \(test) "
                                              + "must be non-negative and sum to 1")
        }
        var side = [Int](repeating: 2, count: items.count)
        for labelGroups in shuffledGroups(items).byLabel {
            let trainCount = Int((Double(labelGroups.count) * train).rounded())
            let validationCount = min(labelGroups.count - trainCount, Int((Double(labelGroups.count) * validation).rounded()))
            for (rank, group) in labelGroups.enumerated() {
                for index in group { side[index] = rank < trainCount ? 0 : (rank < trainCount + validationCount ? 1 : 2) }
            }
        }
        let pick = { (wanted: Int) in items.indices.filter { side[$0] == wanted }.map { items[$0] } }
        return DataSplit(train: pick(0), validation: pick(1), test: pick(2), evaluationProtocol: evaluationProtocol)
    }

    /// Groups of item indices, per label in increasing label order, shuffled (steps 1–2 above).
    private func shuffledGroups<Item: TrackItem>(_ items: [Item]) -> (count: Int, byLabel: [[[Int]]]) {
        var groups: [[Int]]
        switch evaluationProtocol {
        case .clean:
            var byTrack: [TrackID: [Int]] = [:]
            for (index, item) in items.enumerated() { byTrack[item.trackID, default: []].append(index) }
            groups = Array(byTrack.values)
        case .contaminated:
            groups = items.indices.map { [$0] }
        }
        groups.sort { (items[$0[0]].trackID, $0[0]) < (items[$1[0]].trackID, $1[0]) }
        let labels = Set(groups.map { items[$0[0]].label }).sorted()
        var rng = SplitMix64(seed: seed)
        let byLabel = labels.map { label -> [[Int]] in
            var labelGroups = groups.filter { items[$0[0]].label == label }
            rng.shuffle(&labelGroups)
            return labelGroups
        }
        return (groups.count, byLabel)
    }
}

extension DataSplit where Item: TrackItem {
    /// Moves a stratified `fraction` of the training groups to validation, as `StratifiedSplitter.split`
    /// with ratios `(1 − fraction, fraction, 0)` on the training items (same grouping, same seed rule).
    public func holdingOutValidation(fraction: Double, seed: UInt64) throws -> DataSplit<Item> {
        let inner = try StratifiedSplitter(seed: seed, evaluationProtocol: evaluationProtocol)
            .split(train, train: 1 - fraction, validation: fraction, test: 0)
        return DataSplit(train: inner.train, validation: validation + inner.validation, test: test,
                         evaluationProtocol: evaluationProtocol)
    }
}
