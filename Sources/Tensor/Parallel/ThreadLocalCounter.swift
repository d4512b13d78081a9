#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A per-thread non-negative counter (nesting depth), stored in a pthread key so reading it allocates nothing.
@usableFromInline
struct ThreadLocalCounter: Sendable {
    private let key: pthread_key_t

    init() {
        var key = pthread_key_t()
        let status = pthread_key_create(&key, nil)
        precondition(status == 0, "ThreadLocalCounter: pthread_key_create failed (\(status))")
        self.key = key
    }

    /// The current thread's value, 0 until first changed.
    @usableFromInline
    var value: Int {
        get { Int(bitPattern: pthread_getspecific(key)) }
        nonmutating set { pthread_setspecific(key, UnsafeRawPointer(bitPattern: newValue)) }
    }

    /// Runs `body` with the current thread's value raised by one.
    @usableFromInline
    func incremented<R>(_ body: () throws -> R) rethrows -> R {
        value += 1
        defer { value -= 1 }
        return try body()
    }
}
