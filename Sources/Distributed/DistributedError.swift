/// Errors of the Distributed module.
public enum DistributedError: Error, CustomStringConvertible, Equatable {
    /// An MPI call returned an error code (the communicator returns errors instead of aborting).
    case mpi(call: String, code: Int32, message: String)
    /// The replicas disagree on something they must share (e.g. the parameter layout).
    case mismatch(String)
    /// A value cannot be used (e.g. a bucket size that is not positive).
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .mpi(call, code, message): return "\(call) failed with MPI error \(code): \(message)"
        case let .mismatch(why): return "replicas disagree: \(why)"
        case let .invalidArgument(why): return "invalid argument: \(why)"
        }
    }
}
