/// Whether a split keeps each track on one side (honest) or splits pieces of tracks independently (leaky).
///
/// Splitting 3 s segments *after* slicing puts pieces of one song in both training and test sets and
/// inflates accuracy by ten points or more; GenreKit splits by track unless `.contaminated` is asked for,
/// and every report names the protocol.
public enum EvaluationProtocol: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Split by track: all segments (or feature rows) of a track fall on the same side.
    case clean
    /// Split after segmenting: segments of one track may fall on both sides. Reproduces leaky published
    /// protocols; its accuracies are not comparable with clean ones.
    case contaminated

    public var description: String {
        switch self {
        case .clean: return "clean (split by track: no track on both sides)"
        case .contaminated: return "contaminated (split after segmenting: segments of one track on both sides)"
        }
    }
}
