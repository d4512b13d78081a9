/// Errors in metric inputs.
public enum MetricError: Error, CustomStringConvertible, Equatable {
    /// Sizes disagree.
    case shape(String)
    /// A label is outside `0..<classCount`.
    case labelOutOfRange(label: Int, classCount: Int)

    public var description: String {
        switch self {
        case let .shape(why): return "metric input shape: \(why)"
        case let .labelOutOfRange(label, classCount): return "label \(label) is outside 0..<\(classCount)"
        }
    }
}
