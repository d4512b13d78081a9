/// Errors thrown when a tensor is built from data that does not fit the requested shape.
///
/// Shape errors inside tensor algebra (adding tensors that do not broadcast, multiplying matrices
/// whose inner sizes differ) are programming errors and stop with a precondition message naming the
/// operation and the shapes, as Swift's own collections do for out-of-range indices.
public enum TensorError: Error, Equatable, CustomStringConvertible {
    /// A shape with a negative dimension, e.g. `shape [2, -1]`.
    case invalidShape(shape: [Int], parameter: String)
    /// The number of values does not equal the product of the shape.
    case countMismatch(count: Int, shape: [Int], parameter: String)
    /// A batch source whose samples, labels or batch size do not fit together, e.g. `TensorBatches`.
    case invalidBatch(source: String, reason: String)

    /// The message, naming the parameter and the problem.
    public var description: String {
        switch self {
        case let .invalidShape(shape, parameter):
            return "\(parameter): invalid shape \(shape) (dimensions must be ≥ 0)"
        case let .countMismatch(count, shape, parameter):
            return "\(parameter): \(count) values do not fill shape \(shape) (\(shape.reduce(1, *)) expected)"
        case let .invalidBatch(source, reason):
            return "\(source): \(reason)"
        }
    }
}
