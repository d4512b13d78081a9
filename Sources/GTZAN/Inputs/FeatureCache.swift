import DSP
import Foundation

/// An optional on-disk cache of segment inputs, keyed by every parameter that shapes them.
///
/// Inputs live in `<directory>/<representation>-sr<rate>-<seconds>s-overlap<overlap>/<track id>.<segment>.f32`:
/// two little-endian `Int32` (rows, columns) then the `Float32` values. Entries are written atomically, so
/// concurrent writers are safe. The key does not cover the audio itself: clear the folder when the audio
/// files change. Inputs of waveform-augmented segments are never cached.
public struct FeatureCache: Sendable {
    public let directory: URL

    /// - Throws: `GTZANError.writeFailed` when the folder cannot be created.
    public init(directory: URL) throws {
        self.directory = directory
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw GTZANError.writeFailed(directory, reason: error.localizedDescription)
        }
    }

    /// The entry file of `segment` for `representation`.
    public func url(for segment: Segment, representation: InputRepresentation, segmentation: Segmentation) -> URL {
        let key = "\(representation)-sr\(Int(segmentation.sampleRate))-\(segmentation.seconds)s-overlap\(segmentation.overlap)"
        return directory.appendingPathComponent(key, isDirectory: true)
            .appendingPathComponent("\(segment.trackID).\(segment.index).f32")
    }

    /// The cached input at `url`, or nil when absent or unreadable (it is then recomputed).
    public func load(_ url: URL) -> Matrix? {
        guard let data = try? Data(contentsOf: url), data.count >= 8 else { return nil }
        return data.withUnsafeBytes { raw -> Matrix? in
            let rows = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: Int32.self)))
            let columns = Int(Int32(littleEndian: raw.loadUnaligned(fromByteOffset: 4, as: Int32.self)))
            guard rows > 0, columns > 0, data.count == 8 + 4 * rows * columns else { return nil }
            let values = (0..<rows * columns).map {
                Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 8 + 4 * $0, as: UInt32.self)))
            }
            return Matrix(rows: rows, columns: columns, values: values)
        }
    }

    /// Stores `input` at `url`.
    /// - Throws: `GTZANError.writeFailed` naming the file.
    public func store(_ input: Matrix, at url: URL) throws {
        var data = Data(capacity: 8 + 4 * input.values.count)
        for value in [Int32(input.rows), Int32(input.columns)] {
            withUnsafeBytes(of: value.littleEndian) { data.append(contentsOf: $0) }
        }
        input.values.withUnsafeBufferPointer { values in
            for value in values { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
        }
        do {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url, options: .atomic)
        } catch {
            throw GTZANError.writeFailed(url, reason: error.localizedDescription)
        }
    }
}
