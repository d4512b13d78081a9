import Tensor

/// Reproducible stratified splits of tracks, segments or feature rows that keep each group (artist, track,
/// or item, with replicas merged: `TrackGrouping`) on one side.
///
/// Algorithm (both methods):
/// 1. Group the items by `grouping.keys`. A group's weight in a genre is the number of distinct tracks of that
///    genre in it (for segment groups: 1); its primary genre is that of its smallest track id. Groups are ordered
///    by their smallest track id, then by the position of their first item.
/// 2. For each genre in increasing label order, shuffle that genre's groups (by primary genre) with one
///    `RandomGenerator(seed:)` (Fisher–Yates as in `RandomGenerator.shuffle`), continuing the same generator
///    from genre to genre; then order all groups by total weight, largest first (a stable sort, so groups of
///    equal size keep the shuffled order).
/// 3. Greedy assignment to the side most in need: side `s` of share `p_s` (`1/K` for each of K folds; the
///    ratios of a train/validation/test split) should hold `p_s · n_g` tracks of genre `g`; its need is that
///    target minus what it holds. Each group in turn goes, among the sides with a positive share where it fits
///    (in each of its genres the need is at least half the group's weight, or the side has none of that genre
///    yet — so that small sides are not starved by large artists), to the one with the largest
///    relative need (need / target, weighted by the group's genre weights); when it fits nowhere, to the one with
///    the largest need. Ties go to the first side. With one track per group this deals K-fold as the i-th
///    shuffled track of each genre to fold `i mod K`, and keeps every genre's count per fold within one track;
///    with lumpy groups (artists) it keeps them as close as the group sizes allow.
/// Items keep their input order within each side.
public struct StratifiedSplitter: Sendable {
    public var seed: UInt64
    public var grouping: TrackGrouping

    /// - Parameters:
    ///   - seed: seeds the shuffle within each genre, so a split is reproducible.
    ///   - grouping: `.byTrack` (default) keeps tracks together; `.bySegment` must be explicit.
    public init(seed: UInt64, grouping: TrackGrouping = .byTrack) {
        self.seed = seed
        self.grouping = grouping
    }

    public var evaluationProtocol: EvaluationProtocol { grouping.evaluationProtocol }

    /// The fold (0..<folds) of each item, as `kFold` deals them.
    /// - Throws: `GTZANError.invalidParameter` when `folds < 2` or there are fewer groups than folds.
    public func foldIndices<Item: TrackItem>(_ items: [Item], folds: Int = 5) throws -> [Int] {
        guard folds >= 2 else { throw GTZANError.invalidParameter("folds", reason: "\(folds) must be at least 2") }
        let groups = orderedGroups(items)
        guard groups.count >= folds else {
            throw GTZANError.invalidParameter("folds", reason: "\(folds) folds need at least \(folds) groups "
                                              + "(\(evaluationProtocol.rawValue)s), got \(groups.count)")
        }
        return assign(groups, items: items, shares: [Double](repeating: 1 / Double(folds), count: folds))
    }

    /// K stratified folds: split `k` tests on fold `k` and trains on the others (validation empty;
    /// see `DataSplit.holdingOutValidation`).
    /// - Throws: `GTZANError.invalidParameter` when `folds < 2` or a fold would be empty.
    public func kFold<Item: TrackItem & Sendable>(_ items: [Item], folds: Int = 5) throws -> [DataSplit<Item>] {
        let foldOfItem = try foldIndices(items, folds: folds)
        return try (0..<folds).map { fold in
            let test = items.indices.filter { foldOfItem[$0] == fold }.map { items[$0] }
            guard !test.isEmpty else {
                throw GTZANError.invalidParameter("folds", reason: "fold \(fold + 1) of \(folds) would be empty")
            }
            return DataSplit(train: items.indices.filter { foldOfItem[$0] != fold }.map { items[$0] }, validation: [],
                             test: test, evaluationProtocol: evaluationProtocol)
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
        let side = assign(orderedGroups(items), items: items, shares: [train, validation, test])
        let pick = { (wanted: Int) in items.indices.filter { side[$0] == wanted }.map { items[$0] } }
        return DataSplit(train: pick(0), validation: pick(1), test: pick(2), evaluationProtocol: evaluationProtocol)
    }

    /// One group of items: their indices, the distinct tracks per label, its smallest track.
    private struct Group {
        var items: [Int]
        var weights: [Int: Int]
        var smallest: TrackID
        var primaryLabel: Int
        var weight: Int { weights.values.reduce(0, +) }
    }

    /// The groups in assignment order (steps 1–2 above).
    private func orderedGroups<Item: TrackItem>(_ items: [Item]) -> [Group] {
        let keys = grouping.keys(items)
        var members: [[Int]] = Array(repeating: [], count: (keys.max() ?? -1) + 1)
        for (index, key) in keys.enumerated() { members[key].append(index) }
        let groups = members.map { indices -> Group in
            var tracks: [TrackID: Int] = [:]
            for index in indices { tracks[items[index].trackID] = items[index].label }
            let smallest = tracks.keys.min()!
            return Group(items: indices, weights: Dictionary(grouping: tracks.values, by: { $0 }).mapValues(\.count),
                         smallest: smallest, primaryLabel: tracks[smallest]!)
        }.sorted { ($0.smallest, $0.items[0]) < ($1.smallest, $1.items[0]) }
        var rng = RandomGenerator(seed: seed)
        let shuffled = Set(groups.map(\.primaryLabel)).sorted().flatMap { label -> [Group] in
            var labelGroups = groups.filter { $0.primaryLabel == label }
            rng.shuffle(&labelGroups)
            return labelGroups
        }
        return shuffled.enumerated().sorted { ($0.element.weight, -$0.offset) > ($1.element.weight, -$1.offset) }.map(\.element)
    }

    /// The side of each item after assigning `groups` greedily to `shares` (step 3 above).
    private func assign<Item: TrackItem>(_ groups: [Group], items: [Item], shares: [Double]) -> [Int] {
        var totals: [Int: Double] = [:]
        for group in groups { for (label, weight) in group.weights { totals[label, default: 0] += Double(weight) } }
        var held = [[Int: Double]](repeating: [:], count: shares.count)
        var side = [Int](repeating: 0, count: items.count)
        let sides = shares.indices.filter { shares[$0] > 0 }
        for group in groups {
            let need = { (s: Int, label: Int) in shares[s] * totals[label]! - held[s][label, default: 0] }
            let fitting = sides.filter { s in
                group.weights.allSatisfy { need(s, $0.key) >= Double($0.value) / 2 || held[s][$0.key] == nil }
            }
            let relative = { (s: Int) in
                group.weights.reduce(0.0) { $0 + Double($1.value) * need(s, $1.key) / (shares[s] * totals[$1.key]!) }
            }
            let absolute = { (s: Int) in group.weights.reduce(0.0) { $0 + Double($1.value) * need(s, $1.key) } }
            let score = fitting.isEmpty ? absolute : relative
            let chosen = (fitting.isEmpty ? sides : fitting).reduce(into: nil as Int?) { best, s in
                if best == nil || score(s) > score(best!) + 1e-12 { best = s }
            }!
            for (label, weight) in group.weights { held[chosen][label, default: 0] += Double(weight) }
            for index in group.items { side[index] = chosen }
        }
        return side
    }
}

extension DataSplit where Item: TrackItem {
    /// Moves a stratified `fraction` of the training groups to validation, as `StratifiedSplitter.split`
    /// with ratios `(1 − fraction, fraction, 0)` on the training items (same grouping, same seed rule).
    public func holdingOutValidation(fraction: Double, seed: UInt64, grouping: TrackGrouping) throws -> DataSplit<Item> {
        let inner = try StratifiedSplitter(seed: seed, grouping: grouping)
            .split(train, train: 1 - fraction, validation: fraction, test: 0)
        return DataSplit(train: inner.train, validation: validation + inner.validation, test: test,
                         evaluationProtocol: evaluationProtocol)
    }
}
