/// Why a statistical analysis (PCA, correlation) cannot run on the data it was given.
public enum AnalysisError: Error, Equatable, CustomStringConvertible {
    /// The data named by the first value is unusable for the reason in the second.
    case invalidData(String, String)

    public var description: String {
        switch self {
        case let .invalidData(name, reason): return "\(name): \(reason)"
        }
    }
}
