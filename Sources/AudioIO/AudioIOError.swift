/// Why an audio file could not be read, written or resampled.
///
/// Every file case carries the path and the underlying message (libsndfile's, libsoxr's or the
/// operating system's), so `description` reads like
/// `blues.au: truncated: the header declares 661794 frames but only 1486 are present`.
public enum AudioIOError: Error, CustomStringConvertible, Equatable, Sendable {
    /// Nothing exists at the path.
    case notFound(path: String)
    /// The path exists but is a directory or another non-regular file.
    case notAFile(path: String)
    /// The file is not in a format libsndfile reads (or the requested write format is not supported).
    case unsupportedFormat(path: String, message: String)
    /// The format was recognised but the header or the encoded data is damaged.
    case corrupt(path: String, message: String)
    /// The header declares more frames than the file holds or than can be decoded (the data is cut
    /// short, or damaged part-way); `availableFrames` is where the data ends or decoding stopped.
    case truncated(path: String, declaredFrames: Int, availableFrames: Int, message: String)
    /// The file, or the requested offset/duration window, holds no audio.
    case emptyAudio(path: String, message: String)
    /// A parameter (offset, duration, rate, channel count, block size) is out of range.
    case invalidArgument(path: String, message: String)
    /// The operating system failed to read or write the file.
    case ioFailure(path: String, message: String)
    /// libsoxr rejected the resampling request (`path` is empty for in-memory resampling).
    case resampling(path: String, message: String)

    /// The file the error is about (empty for in-memory resampling).
    public var path: String {
        switch self {
        case let .notFound(path), let .notAFile(path),
             let .unsupportedFormat(path, _), let .corrupt(path, _), let .truncated(path, _, _, _),
             let .emptyAudio(path, _), let .invalidArgument(path, _), let .ioFailure(path, _),
             let .resampling(path, _):
            return path
        }
    }

    /// One line naming the file, the kind of failure and the underlying message.
    public var description: String {
        let subject = path.isEmpty ? "audio" : path
        switch self {
        case .notFound: return "\(subject): no such file"
        case .notAFile: return "\(subject): not a regular file"
        case let .unsupportedFormat(_, message): return "\(subject): unsupported format: \(message)"
        case let .corrupt(_, message): return "\(subject): corrupt audio: \(message)"
        case let .truncated(_, declared, available, message):
            return "\(subject): truncated: the header declares \(declared) frames but the data holds only \(available)"
                + (message.isEmpty ? "" : " (\(message))")
        case let .emptyAudio(_, message): return "\(subject): no audio: \(message)"
        case let .invalidArgument(_, message): return "\(subject): invalid argument: \(message)"
        case let .ioFailure(_, message): return "\(subject): I/O failure: \(message)"
        case let .resampling(_, message): return "\(subject): resampling failed: \(message)"
        }
    }
}
