import CSndFile
import Foundation

/// An open libsndfile handle, closed when released. Opening for reading validates the file:
/// it must exist, be a regular non-empty file with a recognised header, and its header must not
/// declare more frames than the file holds.
///
/// Where the frame count is only an estimate (`lengthIsEstimate`: MP3, whose length libsndfile guesses
/// from the bit rate and file size unless a Xing/Info frame gives it), decoding that stops early is the
/// real end of the stream, not truncation; libsndfile never decodes past its estimate.
final class SoundFile {
    let path: String
    private let handle: OpaquePointer
    private(set) var info: SF_INFO
    /// The frame count libsndfile reported when opening (`SF_COUNT_MAX` for a stream without a stated length,
    /// whose `info.frames` is then counted by decoding).
    private let reportedFrames: sf_count_t
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
        reportedFrames = info.frames
        guard info.format & Int32(SF_FORMAT_TYPEMASK) != Int32(SF_FORMAT_RAW) else {
            throw AudioIOError.unsupportedFormat(
                path: path, message: "no audio header found (libsndfile would guess headerless raw data)")
        }
        guard info.samplerate > 0, info.channels > 0 else {
            throw AudioIOError.corrupt(path: path, message: "header declares \(info.samplerate) Hz, \(info.channels) channels")
        }
        try SampleRateBounds.check(Double(info.samplerate), path: path)
        // libsndfile reports SF_COUNT_MAX frames when it cannot find the end of a stream (a cut Ogg file).
        guard info.frames >= 0 else {
            throw AudioIOError.corrupt(path: path, message: "the header declares \(info.frames) frames")
        }
        if info.frames >= 1 << 48 {
            // A FLAC stream header may leave the length unstated; an Ogg file without its last page was cut.
            guard FormatNames.mayLeaveLengthUnstated(info.format) else {
                throw AudioIOError.corrupt(path: path, message: "the length cannot be determined (\(info.frames) frames "
                    + "reported); the stream may be cut short")
            }
            try countFrames()
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
        reportedFrames = info.frames
        guard (info.frames, info.samplerate, info.channels, info.format)
                == (other.reportedFrames, other.info.samplerate, other.info.channels, other.info.format) else {
            throw AudioIOError.corrupt(path: path, message: "the file changed while it was being read")
        }
        info.frames = other.info.frames
        self.info = info
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
        reportedFrames = 0
    }

    deinit { if isOpen { sf_close(handle) } }

    var frames: Int { Int(info.frames) }
    var channels: Int { Int(info.channels) }
    var sampleRate: Double { Double(info.samplerate) }

    /// Whether `frames` is libsndfile's estimate rather than a count the header states exactly.
    var lengthIsEstimate: Bool { FormatNames.hasEstimatedLength(info.format) }

    var audioInfo: AudioInfo {
        AudioInfo(frames: frames, sampleRate: sampleRate, channels: channels,
                  format: FormatNames.container(info.format), subtype: FormatNames.subtype(info.format),
                  lengthIsEstimate: lengthIsEstimate)
    }

    /// For a stream whose header states no length (a FLAC written to a pipe): counts the frames that decode,
    /// once, then returns to the start.
    private func countFrames() throws {
        var count = 0
        try withUnsafeTemporaryAllocation(of: Float.self, capacity: 16384 * channels) { buffer in
            while case let done = sf_readf_float(handle, buffer.baseAddress!, 16384), done > 0 { count += Int(done) }
            guard sf_error(handle) == 0, count > 0, sf_seek(handle, 0, SEEK_SET) == 0 else {
                throw AudioIOError.corrupt(path: path, message: "the length cannot be determined (\(reportedFrames) frames "
                    + "reported) and " + (count == 0 ? "no frame decodes" : "decoding failed after \(count) frames")
                    + "; the stream may be cut short")
            }
        }
        info.frames = sf_count_t(count)
    }

    /// libsndfile's header log: what it parsed and what it found inconsistent.
    var log: String {
        var buffer = [CChar](repeating: 0, count: 16384)
        sf_command(handle, Int32(SFC_GET_LOG_INFO), &buffer, Int32(buffer.count))
        return String(decoding: buffer.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self)
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

    /// Decodes `count` frames (interleaved, normalised to [-1, 1]) into `destination`; returns the frames
    /// decoded, fewer than `count` only at the real end of a stream whose length is an estimate.
    func read(_ count: Int, into destination: UnsafeMutablePointer<Float>) throws -> Int {
        try read(count) { sf_readf_float(handle, destination, $0) }
    }

    /// Decodes `count` frames (interleaved, full-scale integers) into `destination`, as the `Float` read.
    func read(_ count: Int, into destination: UnsafeMutablePointer<Int16>) throws -> Int {
        try read(count) { sf_readf_short(handle, destination, $0) }
    }

    /// Runs `decode(count)`. A short result ends an estimated-length stream; anywhere else, or with a
    /// decoder error, it throws `truncated`.
    private func read(_ count: Int, with decode: (sf_count_t) -> sf_count_t) throws -> Int {
        let done = max(Int(decode(sf_count_t(count))), 0)
        position += done
        let failed = sf_error(handle) != 0
        guard done == count || (lengthIsEstimate && !failed) else {
            throw AudioIOError.truncated(path: path, declaredFrames: frames, availableFrames: position,
                                         message: failed ? message : "end of data")
        }
        return done
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
