/// Whether ops record autodiff graphs on the current thread (PyTorch's grad mode, thread-local as there).
///
/// The state is the per-thread nesting depth of `Tensor.withoutGrad` scopes.
@usableFromInline
enum GradMode {
    @usableFromInline static let disabledDepth = ThreadLocalCounter()

    /// True unless the current thread is inside `Tensor.withoutGrad`.
    @usableFromInline static var isEnabled: Bool { disabledDepth.value == 0 }
}

extension Tensor {
    /// Runs `body` without recording any autodiff graph on this thread (as `with torch.no_grad():`).
    ///
    /// Use it for inference and for parameter updates; results of ops inside carry no graph and
    /// `requiresGrad` is false for them.
    @inlinable
    public static func withoutGrad<R>(_ body: () throws -> R) rethrows -> R {
        try GradMode.disabledDepth.incremented(body)
    }

    /// False inside `Tensor.withoutGrad` on the current thread.
    @inlinable
    public static var isGradEnabled: Bool { GradMode.isEnabled }
}
