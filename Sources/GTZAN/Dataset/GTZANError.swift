import Foundation

/// Errors of the GTZAN library; each message names the file or parameter and the problem.
public enum GTZANError: Error, Equatable, CustomStringConvertible {
    /// A label name that the collection (GTZAN: its ten genres) does not have.
    case unknownGenre(String)
    /// A label name asked for that a collection does not have; `available` lists the collection's labels.
    case unknownLabel(String, collection: URL, available: [String])
    /// A folder holds none of the known layouts.
    case layoutNotFound(URL, reason: String)
    /// A file name that does not have the `<genre>.<nnnnn>` form.
    case malformedTrackName(String, file: URL?)
    /// A split list, CSV table or image that could not be parsed.
    case malformedFile(URL, reason: String)
    /// A parameter outside its valid range.
    case invalidParameter(String, reason: String)
    /// Tracks found on both sides of a split.
    case trackLeakage(trackIDs: [String])
    /// A file that could not be written.
    case writeFailed(URL, reason: String)

    public var description: String {
        switch self {
        case let .unknownGenre(name):
            return "unknown genre '\(name)'; GTZAN has \(Genre.gtzan.map(\.name).joined(separator: ", "))"
        case let .unknownLabel(name, collection, available):
            let shown = available.prefix(20).joined(separator: ", ") + (available.count > 20 ? ", …" : "")
            return "\(collection.path): no label '\(name)'; its labels are \(shown)"
        case let .layoutNotFound(url, reason):
            return "\(url.path): no GTZAN layout found (\(reason))"
        case let .malformedTrackName(name, file):
            return "\(file.map { $0.path + ": " } ?? "")'\(name)' is not a GTZAN track name '<genre>.<nnnnn>'"
        case let .malformedFile(url, reason):
            return "\(url.path): \(reason)"
        case let .invalidParameter(name, reason):
            return "invalid \(name): \(reason)"
        case let .trackLeakage(ids):
            let shown = ids.prefix(10).joined(separator: ", ")
            return "\(ids.count) track(s) on both sides of a split: \(shown)\(ids.count > 10 ? ", …" : "")"
        case let .writeFailed(url, reason):
            return "\(url.path): cannot write (\(reason))"
        }
    }
}
