import Foundation

/// Errors reading or writing checkpoints and state dicts. Every case names the file or key at fault.
public enum CheckpointError: Error, CustomStringConvertible, Equatable {
    /// The file could not be read or written.
    case io(URL, String)
    /// The file is not a valid safetensors file.
    case malformed(URL, String)
    /// A tensor uses a dtype this library does not convert.
    case unsupportedDType(URL, key: String, dtype: String)
    /// A state dict lacks a key the module needs.
    case missingKey(String)
    /// A state dict holds a key the module does not have.
    case unexpectedKey(String)
    /// A state dict entry's shape differs from the module's.
    case shapeMismatch(key: String, expected: [Int], found: [Int])
    /// A state dict entry holds NaN, an infinity or a negative variance (see `StateValueCheck`).
    case nonFinite(key: String, problem: String)

    public var description: String {
        switch self {
        case let .io(url, why): return "\(url.path): \(why)"
        case let .malformed(url, why): return "\(url.path): not a valid safetensors file: \(why)"
        case let .unsupportedDType(url, key, dtype):
            return "\(url.path): tensor '\(key)' has unsupported dtype \(dtype) (F32, F16, BF16, F64, I64, I32 are read)"
        case let .missingKey(key): return "state dict has no entry '\(key)'"
        case let .unexpectedKey(key): return "state dict entry '\(key)' matches no parameter or buffer"
        case let .shapeMismatch(key, expected, found):
            return "state dict entry '\(key)' has shape \(found), the module expects \(expected)"
        case let .nonFinite(key, problem):
            return "state dict entry '\(key)' holds \(problem); refusing unusable weights (allowNonFinite: true loads them)"
        }
    }
}
