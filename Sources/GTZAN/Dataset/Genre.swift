/// The ten GTZAN genres, in the canonical alphabetical order used for label indices.
public enum Genre: String, CaseIterable, Comparable, Sendable, Codable, CustomStringConvertible {
    case blues, classical, country, disco, hiphop, jazz, metal, pop, reggae, rock

    /// The genre's name as it appears in GTZAN file and folder names.
    public var name: String { rawValue }

    public var description: String { rawValue }

    /// The position in the canonical order (blues = 0 … rock = 9).
    public var canonicalIndex: Int { Genre.allCases.firstIndex(of: self)! }

    public static func < (lhs: Genre, rhs: Genre) -> Bool { lhs.canonicalIndex < rhs.canonicalIndex }

    /// Genres named in `names` (any order, case-insensitive), returned in canonical order.
    /// - Throws: `GTZANError.unknownGenre` for a name that is not a GTZAN genre.
    public static func subset<S: Sequence>(_ names: S) throws -> [Genre] where S.Element: StringProtocol {
        let genres = try names.map { name -> Genre in
            guard let genre = Genre(rawValue: name.lowercased()) else { throw GTZANError.unknownGenre(String(name)) }
            return genre
        }
        return Array(Set(genres)).sorted()
    }
}
