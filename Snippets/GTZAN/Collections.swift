// Opening any labelled collection and splitting it (the README's collections example).
// snippet.hide
import AudioIO
import Foundation
let url = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("genrekit-snippet-collections-\(UUID())")
defer { try? FileManager.default.removeItem(at: url) }
for (label, pitch) in [("drone", 110.0), ("Field Recording", 880.0)] {
    for track in 0..<4 {
        let file = url.appendingPathComponent("\(label)/take-\(track).wav")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let samples = (0..<8000).map { Float(sin(2 * Double.pi * (pitch + Double(track)) * Double($0) / 8000) * 0.5) }
        try AudioFile.write(file, samples: samples, sampleRate: 8000)
    }
}
try "path,label,artist\ndrone/take-0.wav,drone,a\n\"Field Recording/take-1.wav\",Field Recording,b\n"
    .write(to: url.appendingPathComponent("tracks.csv"), atomically: true, encoding: .utf8)
// snippet.show
import GTZAN
let music = try LabelledCollection(detecting: url)    // GTZAN, FMA, <label>/<file> folders, or a .csv/.tsv table
print(music.report)     // "folder-per-label collection at …: 8 tracks of 2 labels (Field Recording 4, drone 4)"
let table = try LabelledCollection(table: url.appendingPathComponent("tracks.csv"))   // path,label[,artist]
print(table.tracks.map { "\($0.id.genre) \($0.artist ?? "?")" })                      // labels and artist ids
let grouping = TrackGrouping(protocol: music.hasArtistIDs ? .artist : .track, artists: music.artists)
let split = try StratifiedSplitter(seed: 42, grouping: grouping).split(music.tracks, train: 0.5, validation: 0, test: 0.5)
try split.checkNoTrackLeakage()
print(music.labels)     // label i is output i of a model trained on music.tracks: "Field Recording, drone"
