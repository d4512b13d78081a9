import AudioIO
import Foundation

/// Fixed-length windows of an audio file's mono signal, cut as the file decodes (`AudioFile.blocks`
/// resampled to `sampleRate`): memory holds at most two windows and one block, whatever the file's length,
/// so a 10-minute 48 kHz stereo file is classified in the memory of a 30 s one.
///
/// Windows of `length` samples start every `hop` samples. What follows the last whole window is dropped,
/// unless `extendsLast` (then `hop == length` and the last window runs to the end, up to `2 × length − 1`
/// samples: a 30.01 s GTZAN clip stays one window of all its samples, as in Kaggle's table). A signal
/// shorter than one window gives one window: zero-padded to `length` when `padsShortSignal`, as it is
/// when `extendsLast`, and none otherwise.
struct AudioWindows {
    let sampleRate: Double
    let length: Int
    let hop: Int
    var extendsLast = false
    var padsShortSignal = false

    /// Native frames decoded per block.
    static let blockFrames = 1 << 16

    /// Calls `body` with each window of `url` in order; returns the number of windows.
    @discardableResult
    func forEach(in url: URL, _ body: ([Float]) throws -> Void) throws -> Int {
        precondition(length > 0 && hop > 0 && (!extendsLast || hop == length), "invalid windows \(length)/\(hop)")
        // AudioIO opens regular files only: read a symlinked dataset through its targets.
        let blocks = try AudioFile.blocks(url.resolvingSymlinksInPath(), sampleRate: sampleRate, blockFrames: Self.blockFrames)
        var pending: [Float] = []
        pending.reserveCapacity((extendsLast ? 2 * length : length) + 2 * Self.blockFrames)
        var count = 0
        // With `extendsLast`, a window is cut only once another whole one follows it.
        let needed = extendsLast ? 2 * length : length
        while let block = try blocks.next() {
            pending += block.samples
            while pending.count >= needed {
                try body(Array(pending[..<length]))
                count += 1
                pending.removeFirst(hop)
            }
        }
        if extendsLast, !pending.isEmpty {
            try body(pending)
            count += 1
        } else if count == 0, padsShortSignal, !pending.isEmpty {
            try body(pending + [Float](repeating: 0, count: length - pending.count))
            count += 1
        }
        return count
    }
}
