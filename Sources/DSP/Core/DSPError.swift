/// Errors thrown by the DSP functions for input they cannot process.
///
/// Every case names the offending parameter so the message explains itself.
public enum DSPError: Error, Equatable, CustomStringConvertible {
    /// The signal (named by `parameter`) has no samples.
    case emptySignal(parameter: String)
    /// `parameter` holds a NaN or infinite sample at `index`.
    case nonFiniteSample(parameter: String, index: Int)
    /// `parameter` is `length` samples long but the analysis needs at least `required`.
    case signalTooShort(parameter: String, length: Int, required: Int)
    /// `name` = `value` violates `requirement`.
    case invalidParameter(name: String, value: String, requirement: String)
    /// Two arrays whose shapes must agree do not.
    case shapeMismatch(String)

    public var description: String {
        switch self {
        case let .emptySignal(parameter):
            return "\(parameter) is empty: an audio signal needs at least one sample"
        case let .nonFiniteSample(parameter, index):
            return "\(parameter) is not finite everywhere: sample \(index) is NaN or infinite"
        case let .signalTooShort(parameter, length, required):
            return "\(parameter) has \(length) samples, fewer than the \(required) this analysis needs"
        case let .invalidParameter(name, value, requirement):
            return "\(name)=\(value) is invalid: \(requirement)"
        case let .shapeMismatch(detail):
            return "shape mismatch: \(detail)"
        }
    }
}
