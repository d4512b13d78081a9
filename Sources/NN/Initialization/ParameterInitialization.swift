import Synchronization
import Tensor

/// The current initialisation scope: layers created inside `using(_:seed:_:)` draw their weights from its
/// seeded generator with its `InitializationScheme`.
///
/// The scope is task-local (`@TaskLocal`): it covers the body of `using`, the child tasks the body starts
/// (which share its generator, one draw at a time) and nothing else, whatever thread the body runs on.
public final class ParameterInitialization: Sendable {
    /// The scheme layers follow.
    public let scheme: InitializationScheme
    /// The stream weights are drawn from, one draw at a time.
    private let generator: Mutex<RandomGenerator>

    private init(scheme: InitializationScheme, seed: UInt64) {
        self.scheme = scheme
        generator = Mutex(RandomGenerator(seed: seed))
    }

    /// The innermost `using` scope of the current task, nil outside any.
    @TaskLocal private static var current: ParameterInitialization?
    /// The scope outside any `using`: PyTorch's scheme, seed 0.
    private static let fallback = ParameterInitialization(scheme: .pytorch, seed: 0)

    /// Builds something (usually a model) with layers initialised by `scheme` from a generator seeded `seed`.
    public static func using<R>(_ scheme: InitializationScheme, seed: UInt64, _ body: () throws -> R) rethrows -> R {
        try $current.withValue(ParameterInitialization(scheme: scheme, seed: seed), operation: body)
    }

    /// `using(_:seed:_:)` for an asynchronous body: the scope holds across its `await`s, and the child tasks it
    /// starts inherit it. `body` runs on the caller's actor (`isolation`), so it may be called from the main actor.
    public static func using<R>(_ scheme: InitializationScheme, seed: UInt64,
                                isolation: isolated (any Actor)? = #isolation,
                                _ body: () async throws -> R) async rethrows -> R {
        try await $current.withValue(ParameterInitialization(scheme: scheme, seed: seed), operation: body)
    }

    /// Calls `body` with the current scheme and generator (the innermost `using` of this task, else the fallback).
    private static func drawing<R>(_ body: (InitializationScheme, inout RandomGenerator) -> R) -> R {
        let scope = current ?? fallback
        return scope.generator.withLock { body(scope.scheme, &$0) }
    }

    /// A weight of `shape` whose fan-in and fan-out are `fanIn`, `fanOut`.
    static func weight(_ shape: [Int], fanIn: Int, fanOut: Int) -> Tensor {
        drawing { scheme, generator in
            let bound: Float = scheme == .pytorch ? 1 / Float(fanIn).squareRoot()
                : (6 / Float(fanIn + fanOut)).squareRoot()
            return Tensor.uniform(shape, low: -bound, high: bound, using: &generator)
        }
    }

    /// A bias of `count` elements for a layer with fan-in `fanIn`.
    static func bias(_ count: Int, fanIn: Int) -> Tensor {
        drawing { scheme, generator in
            guard scheme == .pytorch else { return Tensor.zeros([count]) }
            let bound = 1 / Float(fanIn).squareRoot()
            return Tensor.uniform([count], low: -bound, high: bound, using: &generator)
        }
    }
}
