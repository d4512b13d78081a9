import Foundation

/// The identity of a track in a collection: its label and a name unique within that label, independent of
/// file format.
///
/// GTZAN excerpts are `<genre>.<nnnnn>` (e.g. `blues.00000`, name `00000`), parsed from every name form the
/// datasets use: `blues.00000`, `blues.00000.wav`, `blues.00000.au`, `blues/blues.00000.wav` (split lists),
/// `./blues_00000.wav` (the artist-filtered folds), `blues.00000.3.wav` (3 s feature rows) and `blues00000.png`
/// (Kaggle images). Other collections name tracks by file (folder-per-label) or by their own ids (FMA).
public struct TrackID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let genre: Genre
    /// Unique within `genre`: GTZAN's five digits (`00007`), a file's stem, an FMA track id.
    public let name: String

    /// A track of any collection.
    public init(genre: Genre, name: String) {
        self.genre = genre
        self.name = name
    }

    /// The GTZAN excerpt `<genre>.<number as five digits>`.
    public init(genre: Genre, number: Int) {
        self.init(genre: genre, name: String(format: "%05d", number))
    }

    /// The excerpt number (0…99 in GTZAN) when `name` is all digits; nil otherwise.
    public var number: Int? { name.allSatisfy(\.isNumber) ? Int(name) : nil }

    /// Parses a GTZAN file name or path (only the last path component is read).
    /// - Throws: `GTZANError.malformedTrackName` when the name has no `<genre>.<nnnnn>`, `<genre>_<nnnnn>` or
    ///   `<genre><nnnnn>` form with one of GTZAN's ten genres.
    public init(parsing name: String, file: URL? = nil) throws {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let genre = Genre.gtzan.first(where: { base.lowercased().hasPrefix($0.name) }) else {
            throw GTZANError.malformedTrackName(name, file: file)
        }
        var rest = base.dropFirst(genre.name.count)
        if rest.first == "." || rest.first == "_" { rest = rest.dropFirst() }
        let digits = rest.prefix(while: \.isNumber)
        guard digits.count == 5, let number = Int(digits) else { throw GTZANError.malformedTrackName(name, file: file) }
        self.init(genre: genre, number: number)
    }

    /// `<genre>.<name>`, e.g. `blues.00000`.
    public var description: String { "\(genre.name).\(name)" }

    /// The file name `<genre>.<name>.<ext>`.
    public func fileName(extension ext: String) -> String { "\(description).\(ext)" }

    public static func < (lhs: TrackID, rhs: TrackID) -> Bool {
        lhs.genre != rhs.genre ? lhs.genre < rhs.genre : lhs.name.unicodeScalars.lexicographicallyPrecedes(rhs.name.unicodeScalars)
    }
}
