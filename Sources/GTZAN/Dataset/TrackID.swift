import Foundation

/// The identity of a GTZAN excerpt, `<genre>.<nnnnn>` (e.g. `blues.00000`), independent of file format.
///
/// Parsed from every name form the datasets use: `blues.00000`, `blues.00000.wav`, `blues.00000.au`,
/// `blues/blues.00000.wav` (split lists), `./blues_00000.wav` (the artist-filtered folds),
/// `blues.00000.3.wav` (3 s feature rows) and `blues00000.png` (Kaggle images).
public struct TrackID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let genre: Genre
    /// The excerpt number, 0…99 in GTZAN.
    public let number: Int

    public init(genre: Genre, number: Int) {
        self.genre = genre
        self.number = number
    }

    /// Parses a file name or path (only the last path component is read).
    /// - Throws: `GTZANError.malformedTrackName` when the name has no `<genre>.<nnnnn>`, `<genre>_<nnnnn>` or `<genre><nnnnn>` form.
    public init(parsing name: String, file: URL? = nil) throws {
        let base = name.split(separator: "/").last.map(String.init) ?? name
        guard let genre = Genre.allCases.first(where: { base.lowercased().hasPrefix($0.name) }) else {
            throw GTZANError.malformedTrackName(name, file: file)
        }
        var rest = base.dropFirst(genre.name.count)
        if rest.first == "." || rest.first == "_" { rest = rest.dropFirst() }
        let digits = rest.prefix(while: \.isNumber)
        guard digits.count == 5, let number = Int(digits) else { throw GTZANError.malformedTrackName(name, file: file) }
        self.init(genre: genre, number: number)
    }

    /// `<genre>.<nnnnn>`.
    public var description: String { "\(genre.name).\(String(format: "%05d", number))" }

    /// The file name `<genre>.<nnnnn>.<ext>`.
    public func fileName(extension ext: String) -> String { "\(description).\(ext)" }

    public static func < (lhs: TrackID, rhs: TrackID) -> Bool {
        (lhs.genre, lhs.number) < (rhs.genre, rhs.number)
    }
}
