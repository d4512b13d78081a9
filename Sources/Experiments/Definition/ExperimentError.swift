import Foundation

/// Why an experiment cannot run; each message names the option, file or split at fault.
public enum ExperimentError: Error, CustomStringConvertible, Equatable {
    /// A command-line option has an unusable value.
    case invalidOption(String, String)
    /// A clean split put these tracks on two sides.
    case leakage([String])
    /// A file given to `classify` or `evaluate` cannot be used.
    case unusableFile(URL, String)
    /// A split side has no data.
    case emptySplit(String)
    /// The label set has fewer than two classes with data.
    case tooFewClasses(String)

    public var description: String {
        switch self {
        case let .invalidOption(option, problem): return "\(option): \(problem)"
        case let .leakage(tracks):
            return "split leaks \(tracks.count) track(s) into two sides: \(tracks.prefix(5).joined(separator: ", "))"
        case let .unusableFile(url, problem): return "\(url.path): \(problem)"
        case let .emptySplit(side): return "the \(side) split is empty: too few tracks for the split plan"
        case let .tooFewClasses(problem): return "too few classes: \(problem)"
        }
    }
}
