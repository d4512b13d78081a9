import AudioIO
import Foundation

/// Decodes the samples of one segment at the segmentation's rate.
///
/// Tracks stored at that rate are read with a seek (only the segment is decoded); others are decoded
/// whole, resampled, then sliced. A segment reaching past the end of a short file is zero-padded.
public enum SegmentAudioLoader {
    /// The segment's `length` samples.
    /// - Throws: `AudioIOError` naming the file when it cannot be decoded.
    public static func samples(of segment: Segment, sampleRate: Double) throws -> [Float] {
        let track = segment.track
        var samples: [Float]
        if track.sampleRate == sampleRate {
            // Half a frame of margin so Int(offset · rate) lands exactly on the start frame.
            let offset = (Double(segment.start) + 0.5) / sampleRate
            let duration = (Double(segment.length) + 0.5) / sampleRate
            samples = try AudioFile.read(track.url, sampleRate: nil, offset: offset,
                                         duration: min(duration, (Double(track.frames - segment.start) + 0.5) / sampleRate)).samples
        } else {
            samples = Array(segment.slice(of: try AudioFile.read(track.url, sampleRate: sampleRate).samples))
        }
        if samples.count < segment.length {
            samples += [Float](repeating: 0, count: segment.length - samples.count)
        }
        return samples
    }
}
