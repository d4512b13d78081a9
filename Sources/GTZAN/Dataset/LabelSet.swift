/// An ordered set of class labels: label index `i` is the model's output `i`.
///
/// The order is the labels' name order (`Genre.<`), whatever order they were given or found in, so the same
/// names always get the same indices; for GTZAN's ten this is the canonical order (blues = 0 … rock = 9).
public struct LabelSet: RandomAccessCollection, Hashable, Sendable, CustomStringConvertible {
    /// The labels in index order.
    public let labels: [Genre]
    private let indices_: [Genre: Int]

    /// The distinct `labels`, sorted by name.
    public init(_ labels: some Sequence<Genre>) {
        self.labels = Array(Set(labels)).sorted()
        indices_ = Dictionary(uniqueKeysWithValues: self.labels.enumerated().map { ($1, $0) })
    }

    /// The labels named `names` (duplicates merged), sorted by name.
    public init(names: some Sequence<some StringProtocol>) {
        self.init(names.map { Genre(String($0)) })
    }

    /// GTZAN's ten genres in canonical order.
    public static let gtzan = LabelSet(Genre.gtzan)

    public var startIndex: Int { 0 }
    public var endIndex: Int { labels.count }
    public subscript(position: Int) -> Genre { labels[position] }

    /// The label's index, or nil when it is not in the set (O(1)).
    public func index(of label: Genre) -> Int? { indices_[label] }

    /// The label names in index order.
    public var names: [String] { labels.map(\.name) }

    /// `blues, classical, …`.
    public var description: String { names.joined(separator: ", ") }

    public static func == (lhs: LabelSet, rhs: LabelSet) -> Bool { lhs.labels == rhs.labels }
    public func hash(into hasher: inout Hasher) { hasher.combine(labels) }
}
