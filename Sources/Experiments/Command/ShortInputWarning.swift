import AudioIO
import Foundation

/// `classify`'s warning for a file shorter than one input segment: it is zero-padded to a segment, so its
/// probabilities mostly describe silence (a 1-sample file read "disco 100.0 %").
enum ShortInputWarning {
    /// The warning for `file` under `input`, or nil when the file fills a segment (or its header cannot be
    /// read: classifying it reports that error).
    static func message(for file: URL, input: InputPipeline) -> String? {
        guard let segment = input as? SegmentInput, let info = try? AudioFile.info(file),
              info.duration < segment.segmentation.seconds else { return nil }
        return "warning: \(file.path) lasts \(String(format: "%.3f", info.duration)) s, shorter than one "
            + "\(segment.segmentation.seconds) s segment; it is padded with silence, so the genres below say little"
    }
}
