import CSndFile
import Foundation

/// An open libsndfile handle, closed when released. Opening for reading validates the file:
/// it must exist, be a regular non-empty file with a recognised header, and its header must not
/// declare more frames than the file holds.
final class SoundFile {
    let path: String
    private let handle: OpaquePointer
    private(set) var info: SF_INFO
    /// The frame the next read starts at.
    private(set) var position = 0
    private var isOpen = true

    /// Opens `url` for reading.
    init(reading url: URL) throws {
        path = url.path
        try Self.checkRegularFile(path)
        var info = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else { throw Self.openError(path) }
        self.handle = handle
        self.info = info
        guard info.format & Int32(SF_FORMAT_TYPEMASK) != Int32(SF_FORMAT_RAW) else {
            throw AudioIOError.unsupportedFormat(
                path: path, message: "no audio header found (libsndfile would guess headerless raw data)")
        }
        guard info.samplerate > 0, info.channels > 0 else {
            throw AudioIOError.corrupt(path: path, message: "header declares \(info.samplerate) Hz, \(info.channels) channels")
        }
        let bytesPerFrame = FormatNames.sampleBytes[info.format & Int32(SF_FORMAT_SUBMASK)].map { $0 * Int(info.channels) }
        if let declared = DeclaredLength.frames(inLog: log, bytesPerFrame: bytesPerFrame), declared > frames {
            throw AudioIOError.truncated(path: path, declaredFrames: declared, availableFrames: frames,
                                         message: "data chunk shorter than its header says")
        }
    }

    /// Creates (or replaces) `url` for writing `format`, a libsndfile container | subtype code.
    init(writing url: URL, format: Int32, sampleRate: Int, channels: Int) throws {
        path = url.path
        var info = SF_INFO()
        info.format = format
        info.samplerate = Int32(sampleRate)
        info.channels = Int32(channels)
        guard sf_format_check(&info) != 0 else {
            throw AudioIOError.unsupportedFormat(
                path: path, message: "libsndfile cannot write \(FormatNames.container(format)) / \(FormatNames.subtype(format))")
        }
        guard let handle = sf_open(path, Int32(SFM_WRITE), &info) else {
            throw AudioIOError.ioFailure(path: path, message: String(cString: sf_strerror(nil)))
        }
        self.handle = handle
        self.info = info
    }

    deinit { if isOpen { sf_close(handle) } }

    var frames: Int { Int(info.frames) }
    var channels: Int { Int(info.channels) }
    var sampleRate: Double { Double(info.samplerate) }

    var audioInfo: AudioInfo {
        AudioInfo(frames: frames, sampleRate: sampleRate, channels: channels,
                  format: FormatNames.container(info.format), subtype: FormatNames.subtype(info.format))
    }

    /// libsndfile's header log: what it parsed and what it found inconsistent.
    var log: String {
        var buffer = [CChar](repeating: 0, count: 16384)
        sf_command(handle, Int32(SFC_GET_LOG_INFO), &buffer, Int32(buffer.count))
        return String(cString: buffer)
    }

    /// The last error libsndfile reported for this file.
    private var message: String { String(cString: sf_strerror(handle)) }

    /// Moves the read position to `frame` (0...frames) without decoding what is skipped where the format allows.
    func seek(to frame: Int) throws {
        guard frame != position else { return }
        guard sf_seek(handle, sf_count_t(frame), SEEK_SET) == frame else {
            throw AudioIOError.corrupt(path: path, message: "cannot seek to frame \(frame): \(message)")
        }
        position = frame
    }

    /// Decodes exactly `count` frames (interleaved) into `destination`, or throws `truncated`/`corrupt`.
    func read(_ count: Int, into destination: UnsafeMutablePointer<Float>) throws {
        let done = Int(sf_readf_float(handle, destination, sf_count_t(count)))
        position += max(done, 0)
        guard done == count else {
            throw AudioIOError.truncated(path: path, declaredFrames: frames, availableFrames: position,
                                         message: sf_error(handle) == 0 ? "end of data" : message)
        }
    }

    /// Encodes `count` interleaved frames.
    func write(_ count: Int, from source: UnsafePointer<Float>) throws {
        guard sf_writef_float(handle, source, sf_count_t(count)) == count else {
            throw AudioIOError.ioFailure(path: path, message: message)
        }
    }

    /// Encodes `count` interleaved frames of left-aligned 32-bit integers (`Int32.max` is full scale).
    func write(_ count: Int, from source: UnsafePointer<Int32>) throws {
        guard sf_writef_int(handle, source, sf_count_t(count)) == count else {
            throw AudioIOError.ioFailure(path: path, message: message)
        }
    }

    /// Completes the file on disk.
    func close() throws {
        isOpen = false
        guard sf_close(handle) == 0 else { throw AudioIOError.ioFailure(path: path, message: message) }
    }

    private static func checkRegularFile(_ path: String) throws {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            if !FileManager.default.fileExists(atPath: path) { throw AudioIOError.notFound(path: path) }
            throw AudioIOError.ioFailure(path: path, message: error.localizedDescription)
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else { throw AudioIOError.notAFile(path: path) }
        guard (attributes[.size] as? NSNumber)?.intValue != 0 else {
            throw AudioIOError.emptyAudio(path: path, message: "the file is empty (0 bytes)")
        }
    }

    private static func openError(_ path: String) -> AudioIOError {
        let message = String(cString: sf_strerror(nil))
        switch sf_error(nil) {
        case Int32(SF_ERR_UNRECOGNISED_FORMAT), Int32(SF_ERR_UNSUPPORTED_ENCODING):
            return .unsupportedFormat(path: path, message: message)
        case Int32(SF_ERR_SYSTEM):
            return .ioFailure(path: path, message: message)
        default:
            return .corrupt(path: path, message: message)
        }
    }
}
