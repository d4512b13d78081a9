import Synchronization
import Tensor

/// The output shapes of the modules that run inside `OutputShapeTrace.recording(_:)` (task-local), for
/// `summary()`: inference records nothing in the model, so a model can serve many tasks at once.
public final class OutputShapeTrace: Sendable {
    @TaskLocal private static var current: OutputShapeTrace?
    private let shapes = Mutex<[ObjectIdentifier: [Int]]>([:])

    private init() {}

    /// Runs `body` and returns the last output shape of every module called in it (on this task).
    public static func recording(_ body: () -> Void) -> OutputShapeTrace {
        let trace = OutputShapeTrace()
        $current.withValue(trace, operation: body)
        return trace
    }

    /// The last output shape of `module` in the trace, nil if it did not run.
    public func shape(of module: Module) -> [Int]? {
        shapes.withLock { $0[ObjectIdentifier(module)] }
    }

    /// Records `shape` for `module` when a trace is recording on this task.
    static func record(_ shape: [Int], for module: Module) {
        current?.shapes.withLock { $0[ObjectIdentifier(module)] = shape }
    }
}
