/// Whether ops record autodiff graphs (PyTorch's grad mode), task-local.
///
/// The state is a `@TaskLocal`: a `Tensor.withoutGrad` scope covers its body, the child tasks the body
/// starts (`async let`, task groups, `Task {}`), whatever thread they run on, and nothing else (a
/// `Task.detached` records graphs again). Outside any task the value lives with the thread, as a
/// thread-local would. `Parallel.parallelFor` hands the caller's mode to its worker threads.
@usableFromInline
enum GradMode {
    /// True inside `Tensor.withoutGrad`. A `TaskLocal` value rather than a `@TaskLocal` property, so that
    /// the inlinable `withoutGrad` may bind it (a wrapper's `$` projection cannot be `@usableFromInline`).
    @usableFromInline static let isDisabled = TaskLocal(wrappedValue: false)

    /// True unless the current task (or thread, outside tasks) is inside `Tensor.withoutGrad`.
    @usableFromInline static var isEnabled: Bool { !isDisabled.get() }
}

extension Tensor {
    /// Runs `body` without recording any autodiff graph (as `with torch.no_grad():`).
    ///
    /// Use it for inference and for parameter updates; results of ops inside carry no graph and
    /// `requiresGrad` is false for them. The scope is task-local: tasks `body` starts inherit it, but
    /// not a `Task.detached`.
    @inlinable
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        try GradMode.isDisabled.withValue(true, operation: body)
    }

    /// `withoutGrad(_:)` for an asynchronous body: it stays without graphs across its `await`s, and the
    /// child tasks it starts inherit the scope. `body` runs on the caller's actor (`isolation`).
    @inlinable
    public static func withoutGrad<R>(isolation: isolated (any Actor)? = #isolation,
                                      _ body: () async throws -> R) async rethrows -> R {
        try await GradMode.isDisabled.withValue(true, operation: body)
    }

    /// False inside `Tensor.withoutGrad` (in the current task, or on the current thread outside tasks).
    @inlinable
    public static var isGradEnabled: Bool { GradMode.isEnabled }
}
