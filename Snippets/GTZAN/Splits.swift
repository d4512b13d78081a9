// Loading GTZAN and splitting it without artist leakage (the README's GTZAN example).
// snippet.hide
import Foundation
let url = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? "../shared/gtzan-real")
// snippet.show
import GTZAN
let data = try GTZANDataset(root: url)              // Kaggle or Marsyas layout; data.report lists skipped files
print(data.contents)     // "999 images of 10 genres (…); 168 excerpts with audio of 4 genres (blues 48, …)"
let artists = try ArtistList(contentsOf: data.layout.artistListFiles)    // the folds' *_groups.txt
let replicas = try ReplicaGroups.detect(in: data)     // identical decoded audio or image bytes
let grouping = TrackGrouping(protocol: .artist, artists: artists, replicas: replicas)
let folds = try StratifiedSplitter(seed: 123456789, grouping: grouping).kFold(data.tracks)  // no artist on both sides
try folds[0].checkNoTrackLeakage()
