import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes files so that readers only ever see the old or the complete new content.
///
/// The bytes go to a temporary file in the destination's directory, which is then renamed over the
/// destination (`rename(2)` is atomic within one file system). A crash mid-write leaves the previous file.
public enum AtomicFile {
    /// Writes `data` to `url` atomically, creating the parent directory when needed.
    public static func write(_ data: Data, to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try data.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CheckpointError.io(url, "cannot rename into place: " + message(errno))
            }
        } catch {
            let code = errno  // the failed call's, for Foundation errors that do not carry it
            try? FileManager.default.removeItem(at: temporary)
            if error is CheckpointError { throw error }
            throw CheckpointError.io(url, "cannot write: " + reason(for: error, errno: code))
        }
    }

    /// The operating system's reason for a failed file operation in plain words ("no space left on device"),
    /// from the POSIX code inside Foundation's error when there is one, instead of an NSCocoaErrorDomain dump.
    /// `errno` is the failed call's code, used for Foundation errors that carry none (0 when unknown).
    public static func reason(for error: Error, errno code: Int32 = 0) -> String {
        let error = error as NSError
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        if error.domain == NSPOSIXErrorDomain { return message(Int32(error.code)) }
        if let underlying, underlying.domain == NSPOSIXErrorDomain { return message(Int32(underlying.code)) }
        if error.domain == NSCocoaErrorDomain, let mapped = cocoaCodes[error.code] { return message(mapped) }
        if error.domain == NSCocoaErrorDomain, code != 0 { return message(code) }
        return error.localizedDescription
    }

    /// `strerror(code)` starting in lower case: "no space left on device".
    private static func message(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }

    /// POSIX codes of the Foundation write errors that carry no underlying error.
    private static let cocoaCodes: [Int: Int32] = [
        CocoaError.fileWriteOutOfSpace.rawValue: ENOSPC, CocoaError.fileWriteNoPermission.rawValue: EACCES,
        CocoaError.fileWriteVolumeReadOnly.rawValue: EROFS, CocoaError.fileNoSuchFile.rawValue: ENOENT,
    ]

    /// Writes `text` as UTF-8 to `url` atomically.
    public static func write(_ text: String, to url: URL) throws {
        try write(Data(text.utf8), to: url)
    }
}
