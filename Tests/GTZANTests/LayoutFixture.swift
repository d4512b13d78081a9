import AudioIO
import Foundation
import GTZAN
import TestSupport

/// Small GTZAN copies in odd layouts, written into a fresh temporary folder that `remove()` deletes.
struct LayoutFixture {
    let root: URL

    init() throws {
        root = try Fixtures.temporaryDirectory("gtzan-layout")
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Writes `images_original/<genre>/<genre>000NN.png`: a 6 × 4 image whose pixels are `value`.
    func writeImage(_ id: TrackID, value: Float) throws {
        let folder = root.appendingPathComponent("images_original/\(id.genre.name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let image = try RGBImage(width: 6, height: 4, values: [Float](repeating: value, count: 72))
        try image.writePNG(to: folder.appendingPathComponent("\(id.genre.name)\(String(format: "%05d", id.number!)).png"))
    }

    /// Writes `genres_original/<genre>/<id>.<ext>`: 0.2 s of a sine at `frequency` Hz, 22050 Hz mono 16-bit.
    @discardableResult
    func writeAudio(_ id: TrackID, frequency: Float, extension ext: String = "wav") throws -> URL {
        let folder = root.appendingPathComponent("genres_original/\(id.genre.name)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let samples = (0..<4410).map { 0.5 * sin(2 * Float.pi * frequency * Float($0) / 22050) }
        let url = folder.appendingPathComponent(id.fileName(extension: ext))
        try AudioFile.write(url, samples: samples, sampleRate: 22050, format: .pcm16)
        return url
    }

    /// Writes `splits/artist-filtered-3fold/f1_train_groups.txt` with `./<genre>_000NN.wav<TAB><artist>` lines.
    func writeArtistGroups(_ artists: [(TrackID, String)]) throws {
        let folder = root.appendingPathComponent("splits/artist-filtered-3fold")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lines = artists.map { "./\($0.0.genre.name)_\(String(format: "%05d", $0.0.number!)).wav\t\($0.1)" }
        try (lines.joined(separator: "\n") + "\n").write(to: folder.appendingPathComponent("f1_train_groups.txt"),
                                                          atomically: true, encoding: .utf8)
    }
}
