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
        try SampleRateBounds.check(Double(info.samplerate), path: path)
        // libsndfile reports SF_COUNT_MAX frames when it cannot find the end of a stream (a cut Ogg file).
        guard info.frames >= 0, info.frames < 1 << 48 else {
            throw AudioIOError.corrupt(path: path, message: "the length cannot be determined (\(info.frames) frames reported); "
                + "the stream may be cut short")
        }
        let bytesPerFrame = FormatNames.sampleBytes[info.format & Int32(SF_FORMAT_SUBMASK)].map { $0 * Int(info.channels) }
        if let declared = DeclaredLength(log: log, bytesPerFrame: bytesPerFrame), declared.frames > frames {
            throw AudioIOError.truncated(path: path, declaredFrames: declared.frames, availableFrames: frames,
                                         message: "libsndfile: \(declared.logLine)")
        }
    }

    /// Opens a second, independent handle on the file `other` reads (to decode another stretch on
    /// another thread), skipping the checks `other` passed; throws if the file changed since.
    init(reopening other: SoundFile) throws {
        path = other.path
        var info = SF_INFO()
        guard let handle = sf_open(path, Int32(SFM_READ), &info) else { throw Self.openError(path) }
        self.handle = handle
        self.info = info
        guard (info.frames, info.samplerate, info.channels, info.format)
                == (other.info.frames, other.info.samplerate, other.info.channels, other.info.format) else {
            throw AudioIOError.corrupt(path: path, message: "the file changed while it was being read")
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

    /// Whether samples are 16-bit PCM, which `sf_readf_short` delivers without conversion.
    var isPCM16: Bool { info.format & Int32(SF_FORMAT_SUBMASK) == Int32(SF_FORMAT_PCM_16) }

    /// Decodes exactly `count` frames (interleaved, normalised to [-1, 1]) into `destination`.
    func read(_ count: Int, into destination: UnsafeMutablePointer<Float>) throws {
        try read(count) { sf_readf_float(handle, destination, $0) }
    }

    /// Decodes exactly `count` frames (interleaved, full-scale integers) into `destination`.
    func read(_ count: Int, into destination: UnsafeMutablePointer<Int16>) throws {
        try read(count) { sf_readf_short(handle, destination, $0) }
    }

    /// Runs `decode(count)` and throws `truncated` when it delivers fewer frames.
    private func read(_ count: Int, with decode: (sf_count_t) -> sf_count_t) throws {
        let done = Int(decode(sf_count_t(count)))
        position += max(done, 0)
        guard done == count else {
            throw AudioIOError.truncated(path: path, declaredFrames: frames, availableFrames: position,
                                         message: sf_error(handle) == 0 ? "end of data" : message)
        }
    }

    /// Encodes `count` interleaved frames of [-1, 1] floats.
    func write(_ count: Int, from source: UnsafePointer<Float>) throws {
        try write(count) { sf_writef_float(handle, source, $0) }
    }

    /// Encodes `count` interleaved frames of left-aligned 32-bit integers (`Int32.max` is full scale).
    func write(_ count: Int, from source: UnsafePointer<Int32>) throws {
        try write(count) { sf_writef_int(handle, source, $0) }
    }

    private func write(_ count: Int, with encode: (sf_count_t) -> sf_count_t) throws {
        guard encode(sf_count_t(count)) == count else { throw AudioIOError.ioFailure(path: path, message: message) }
    }

    /// Completes the file on disk.
    func close() throws {
        isOpen = false
        guard sf_close(handle) == 0 else { throw AudioIOError.ioFailure(path: path, message: message) }
    }

    /// Follows symbolic links (datasets are often linked into place), as `stat(2)` does.
    private static func checkRegularFile(_ path: String) throws {
        var status = stat()
        guard stat(path, &status) == 0 else {
            if errno == ENOENT { throw AudioIOError.notFound(path: path) }
            throw AudioIOError.ioFailure(path: path, message: String(cString: strerror(errno)))
        }
        guard status.st_mode & S_IFMT == S_IFREG else { throw AudioIOError.notAFile(path: path) }
        guard status.st_size != 0 else {
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
