import Foundation

/// A class label: any name a collection uses (a GTZAN genre, an FMA `genre_top`, a folder name).
///
/// Labels order by name (Unicode scalar order), so every label set has one stable order; for GTZAN's ten
/// (`Genre.gtzan`) that is the canonical alphabetical order used for label indices (blues = 0 … rock = 9).
public struct Genre: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible,
                     ExpressibleByStringLiteral {
    /// The label's name as it appears in file and folder names, tables and checkpoints.
    public let name: String

    /// The label named `name` (used as given: labels are case-sensitive).
    public init(_ name: String) { self.name = name }

    public init(rawValue: String) { self.init(rawValue) }

    public init(stringLiteral value: String) { self.init(value) }

    public var rawValue: String { name }

    public var description: String { name }

    public static func < (lhs: Genre, rhs: Genre) -> Bool { lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars) }

    /// Encoded as its name.
    public init(from decoder: Decoder) throws { self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}

/// GTZAN's ten genres: the preset label set of GTZAN copies and of checkpoints written before labels were recorded.
extension Genre {
    public static let blues: Genre = "blues"
    public static let classical: Genre = "classical"
    public static let country: Genre = "country"
    public static let disco: Genre = "disco"
    public static let hiphop: Genre = "hiphop"
    public static let jazz: Genre = "jazz"
    public static let metal: Genre = "metal"
    public static let pop: Genre = "pop"
    public static let reggae: Genre = "reggae"
    public static let rock: Genre = "rock"

    /// The ten GTZAN genres in canonical (alphabetical) order.
    public static let gtzan: [Genre] = [.blues, .classical, .country, .disco, .hiphop, .jazz, .metal, .pop, .reggae, .rock]

    /// The position among GTZAN's ten (blues = 0 … rock = 9); nil for a label that is not a GTZAN genre.
    public var gtzanIndex: Int? { Genre.gtzan.firstIndex(of: self) }

    /// The GTZAN genre named `name`, case-insensitively; nil for another name.
    public init?(gtzanName name: some StringProtocol) {
        guard let genre = Genre.gtzan.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = genre
    }
}

extension Genre {
    /// The labels named in `names` (any order, duplicates merged, surrounding spaces dropped), sorted by name.
    /// A GTZAN genre name matches case-insensitively (`Blues` is `blues`); any other name is kept as given, and
    /// a collection that has no such label rejects it when opened.
    /// - Throws: `GTZANError.invalidParameter` for an empty name.
    public static func subset(_ names: some Sequence<some StringProtocol>) throws -> [Genre] {
        let labels = try names.map { name -> Genre in
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { throw GTZANError.invalidParameter("labels", reason: "an empty label name") }
            return Genre(gtzanName: trimmed) ?? Genre(trimmed)
        }
        return LabelSet(labels).labels
    }
}
