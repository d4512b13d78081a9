import AudioIO
import DSP
import Foundation
import GTZAN
import SyntheticGTZAN

/// Benchmarks of the GTZAN library. Names must match the tasks of `scripts/bench/ref_gtzan.py`.
let gtzanBenchmarks: [Benchmark] = [
    Benchmark(name: "gtzan/synthetic_100x30s",
              summary: "SyntheticGTZAN.write: 10 genres × 10 tracks × 30 s as 16-bit WAVs, all cores (Swift only)") {
        let directory = try gtzanBenchmarkDirectory("synthetic")
        return { try SyntheticGTZAN.write(to: directory, tracksPerGenre: 10, seconds: 30, seed: 1) }
    },
    Benchmark(name: "gtzan/power_segments_19",
              summary: "30 s WAV → 19 segments (3 s, 50 % overlap) → 19 × 512 × 130 power spectrograms (n_fft 1024, hop 512), 1 thread") {
        let batches = try SegmentBatches(segments: try gtzanBenchmarkSegments(.threeSecondsHalfOverlap),
                                         segmentation: .threeSecondsHalfOverlap, representation: .powerSpectrogram())
        return { _ = try batches.batch(Array(0..<19)) }
    },
    Benchmark(name: "gtzan/mfcc_segments_10",
              summary: "30 s WAV → 10 segments of 3 s → 10 × 130 × 13 MFCCs (n_fft 2048, hop 512), 1 thread") {
        let batches = try SegmentBatches(segments: try gtzanBenchmarkSegments(.threeSeconds),
                                         segmentation: .threeSeconds, representation: .mfcc(count: 13))
        return { _ = try batches.batch(Array(0..<10)) }
    },
    Benchmark(name: "gtzan/features_csv_1000",
              summary: "load a 1000-row features_30_sec-style CSV (57 features), fit a Standardizer on 800 rows, transform all") {
        let url = try gtzanBenchmarkFeatureTable()
        return {
            let table = try FeatureTable(contentsOf: url)
            let standardizer = try Standardizer(fitting: Array(table.rows.prefix(800)))
            _ = try standardizer.transform(table.rows)
        }
    },
    Benchmark(name: "gtzan/resize_432x288_to_256", summary: "bilinear resize of a 3 × 288 × 432 image to 3 × 256 × 256") {
        let image = try RGBImage(width: 432, height: 288, values: (0..<3 * 288 * 432).map { Float($0 % 251) })
        return { _ = try image.resized(width: 256, height: 256) }
    },
    Benchmark(name: "gtzan/stream_secnn_epoch",
              summary: "SE-CNN epoch: 1000 × 30 s WAVs → 19,000 shuffled 512 × 130 power spectrograms in batches of 64, "
                  + "2 worker threads, 2 batches prefetched (run with --repeat 1 --json for peak RSS)") {
        let root = gtzanBenchmarkRoot.appendingPathComponent("secnn")
        if (try? GTZANDataset(root: root).tracks.count) != 1000 {
            try SyntheticGTZAN.write(to: root, tracksPerGenre: 100, seconds: 30, seed: 2)
        }
        let segments = Segmentation.threeSecondsHalfOverlap.segments(of: try GTZANDataset(root: root).tracks)
        let batches = try SegmentBatches(segments: segments, segmentation: .threeSecondsHalfOverlap,
                                         representation: .powerSpectrogram(), batchSize: 64, workers: 2)
        var epoch = 0
        return {
            let iterator = batches.epoch(epoch)
            epoch += 1
            var count = 0
            while let batch = try iterator.nextBatch() { count += batch.items.count }
            guard count == segments.count else { throw GTZANError.invalidParameter("epoch", reason: "\(count) segments") }
        }
    },
]

let gtzanBenchmarkRoot = benchmarkCache.appendingPathComponent("gtzan")

func gtzanBenchmarkDirectory(_ name: String) throws -> URL {
    let url = gtzanBenchmarkRoot.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The segments of one 30 s synthetic rock track written as a 16-bit WAV.
func gtzanBenchmarkSegments(_ segmentation: Segmentation) throws -> [Segment] {
    let root = try gtzanBenchmarkDirectory("one-track")
    try SyntheticGTZAN.write(to: root, tracksPerGenre: 1, seconds: 30, seed: 3, genres: [.rock])
    return segmentation.segments(of: try GTZANDataset(root: root).tracks)
}

/// A features_30_sec-style table: filename, length, 57 features, label; 100 rows per genre.
func gtzanBenchmarkFeatureTable() throws -> URL {
    let url = try gtzanBenchmarkDirectory("features").appendingPathComponent("features_30_sec.csv")
    var lines = ["filename,length," + (0..<57).map { "f\($0)" }.joined(separator: ",") + ",label"]
    for genre in Genre.gtzan {
        for number in 0..<100 {
            let values = (0..<57).map { String(Float((number * 57 + $0) % 997) * 0.123) }
            lines.append("\(genre).\(String(format: "%05d", number)).wav,661794,\(values.joined(separator: ",")),\(genre)")
        }
    }
    try lines.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
    return url
}
