import AudioIO
import DSP
import NN
import Foundation

// gtzan-features: the Kaggle GTZAN feature tables (features_30_sec.csv / features_3_sec.csv
// schema) for any set of audio files. See `Options.usage`.

let options: Options
do {
    options = try Options(Array(CommandLine.arguments.dropFirst()))
} catch {
    let message = "\(error)"
    FileHandle.standardError.write(Data(((message.isEmpty ? "" : "gtzan-features: \(message)\n") + Options.usage + "\n").utf8))
    exit(message.isEmpty ? 0 : 2)
}

let (files, missing) = TrackList.collect(options.inputs)
for path in missing { FileHandle.standardError.write(Data("gtzan-features: \(path): no such file or folder\n".utf8)) }
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("gtzan-features: no audio files found\n".utf8))
    exit(1)
}

let sampleRate = 22050.0
let features = GTZANFeatures(sampleRate: Float(sampleRate), padMode: options.padMode == "constant" ? .constant : .reflect,
                             concurrent: options.jobs == 1)
/// Kaggle's 3 s table holds 66149-sample segments: one sample short of 3 s.
let segmentLength = options.segmentSeconds.map { Int($0 * sampleRate) - 1 }

/// The CSV rows of one file, or why it was skipped.
func rows(for url: URL) -> Result<[String], Error> {
    Result {
        // AudioIO opens regular files only: read a symlinked dataset through its targets (the
        // names and labels still come from the links).
        let y = try AudioFile.read(url.resolvingSymlinksInPath(), sampleRate: sampleRate, mono: true).samples
        let label = TrackList.label(of: url)
        func row(_ samples: ArraySlice<Float>, segment: Int?) throws -> String {
            let values = try features(Array(samples))
            return ([TrackList.rowName(of: url, segment: segment), "\(samples.count)"] + values.map { "\($0)" } + [label])
                .joined(separator: ",")
        }
        guard let segmentLength else { return [try row(y[...], segment: nil)] }
        let count = y.count / segmentLength
        guard count > 0 else {
            throw DSPError.signalTooShort(parameter: url.lastPathComponent, length: y.count, required: segmentLength)
        }
        return try (0..<count).map { try row(y[$0 * segmentLength ..< ($0 + 1) * segmentLength], segment: $0) }
    }
}

let results = UnsafeMutableBufferPointer<Result<[String], Error>?>.allocate(capacity: files.count)
results.initialize(repeating: nil)
let progress = ProgressBar(label: "gtzan-features", total: files.count, plainLines: 9)
let next = NSLock()
var nextIndex = 0
DispatchQueue.concurrentPerform(iterations: min(options.jobs, files.count)) { _ in
    while true {
        next.lock()
        let index = nextIndex
        nextIndex += 1
        next.unlock()
        guard index < files.count else { return }
        results[index] = rows(for: files[index])
        progress.advance()
    }
}
progress.finish()

var lines = ["filename,length," + GTZANFeatures.columnNames.joined(separator: ",") + ",label"]
var skipped: [String] = []
for (url, result) in zip(files, results) {
    switch result! {
    case let .success(rows): lines += rows
    case let .failure(error):
        let message = "\(error)"
        skipped.append(message.contains(url.path) ? message : "\(url.path): \(message)")
    }
}
let written = files.count - skipped.count
if written > 0 {
    do {
        try (lines.joined(separator: "\n") + "\n").write(toFile: options.output, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("gtzan-features: cannot write \(options.output): \(error)\n".utf8))
        exit(1)
    }
    print("wrote \(lines.count - 1) rows from \(written) files to \(options.output)")
}
if !skipped.isEmpty {
    FileHandle.standardError.write(Data(("skipped \(skipped.count) unreadable files:\n"
        + skipped.map { "  \($0)\n" }.joined()).utf8))
}
exit(written > 0 ? 0 : 1)
