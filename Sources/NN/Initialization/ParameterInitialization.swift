import Foundation
import Tensor

/// The current initialisation scope: layers created inside `using(_:seed:_:)` draw their weights from its
/// seeded generator with its `InitializationScheme`.
public final class ParameterInitialization {
    /// The scheme layers follow.
    public let scheme: InitializationScheme
    /// The stream weights are drawn from.
    public var generator: RandomGenerator

    private init(scheme: InitializationScheme, seed: UInt64) {
        self.scheme = scheme
        generator = RandomGenerator(seed: seed)
    }

    private static let key = "GenreKit.NN.ParameterInitialization"
    private static let fallback = ParameterInitialization(scheme: .pytorch, seed: 0)
    private static let fallbackLock = NSLock()

    /// Builds something (usually a model) with layers initialised by `scheme` from a generator seeded `seed`.
    public static func using<R>(_ scheme: InitializationScheme, seed: UInt64, _ body: () throws -> R) rethrows -> R {
        let dictionary = Thread.current.threadDictionary
        let previous = dictionary[key]
        dictionary[key] = ParameterInitialization(scheme: scheme, seed: seed)
        defer { dictionary[key] = previous }
        return try body()
    }

    /// Calls `body` with the current scope (the innermost `using` on this thread, else the fallback).
    static func withCurrent<R>(_ body: (ParameterInitialization) -> R) -> R {
        if let scope = Thread.current.threadDictionary[key] as? ParameterInitialization { return body(scope) }
        fallbackLock.lock()
        defer { fallbackLock.unlock() }
        return body(fallback)
    }

    /// A weight of `shape` whose fan-in and fan-out are `fanIn`, `fanOut`.
    static func weight(_ shape: [Int], fanIn: Int, fanOut: Int) -> Tensor {
        withCurrent { scope in
            let bound: Float = scope.scheme == .pytorch ? 1 / Float(fanIn).squareRoot()
                : (6 / Float(fanIn + fanOut)).squareRoot()
            return Tensor.uniform(shape, low: -bound, high: bound, using: &scope.generator)
        }
    }

    /// A bias of `count` elements for a layer with fan-in `fanIn`.
    static func bias(_ count: Int, fanIn: Int) -> Tensor {
        withCurrent { scope in
            guard scope.scheme == .pytorch else { return Tensor.zeros([count]) }
            let bound = 1 / Float(fanIn).squareRoot()
            return Tensor.uniform([count], low: -bound, high: bound, using: &scope.generator)
        }
    }
}
