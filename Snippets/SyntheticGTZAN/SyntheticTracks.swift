// Writing a synthetic GTZAN-shaped dataset and opening it with the loader (the README's SyntheticGTZAN example).
// snippet.hide
import Foundation
let dir = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("genrekit-snippet-synthetic-\(UUID().uuidString)")
defer { try? FileManager.default.removeItem(at: dir) }
// snippet.show
import GTZAN
import SyntheticGTZAN
let root = try SyntheticGTZAN.write(to: dir, tracksPerGenre: 2, seconds: 5, seed: 1)   // genres/<genre>/<genre>.0000N.wav
let data = try GTZANDataset(root: root)                        // opened like any Marsyas copy: 20 tracks of 10 genres
let jazz = SyntheticGTZAN.samples(genre: .jazz, index: 3, seconds: 3)   // one track in memory: 66150 samples at 22050 Hz
// snippet.hide
precondition(data.tracks.count == 20 && jazz.count == 66150)
