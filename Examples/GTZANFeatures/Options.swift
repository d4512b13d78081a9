import Foundation

/// The command line of `gtzan-features`.
struct Options {
    static let usage = """
        usage: gtzan-features <dataset-dir-or-files>... --out features.csv [--segment SECONDS] [--jobs N]

          <dataset-dir-or-files>  audio files, or folders searched recursively for .au/.wav/.flac/.ogg/.aiff/.mp3
          --out FILE              the CSV to write (header of Kaggle's features_30_sec.csv)
          --segment SECONDS       cut each track into consecutive segments of SECONDS (3 gives the
                                  features_3_sec.csv rows: 66149 samples, names like blues.00000.0.wav)
          --jobs N                tracks processed at once (default: the number of cores)
          --pad-mode MODE         reflect (default, reproduces the Kaggle tables) or constant (librosa >= 0.9)
        """

    var inputs: [String] = []
    var output: String
    var segmentSeconds: Double?
    var jobs: Int
    var padMode: String

    /// Why the command line was rejected.
    struct UsageError: Error, CustomStringConvertible {
        var description: String
    }

    init(_ arguments: [String]) throws {
        var output: String?
        var segmentSeconds: Double?
        var jobs = ProcessInfo.processInfo.activeProcessorCount
        var padMode = "reflect"
        var iterator = arguments.makeIterator()
        func value(for flag: String) throws -> String {
            guard let value = iterator.next() else { throw UsageError(description: "\(flag) needs a value") }
            return value
        }
        while let argument = iterator.next() {
            switch argument {
            case "--out", "-o": output = try value(for: argument)
            case "--segment":
                let text = try value(for: argument)
                guard let seconds = Double(text), seconds > 0, seconds.isFinite else {
                    throw UsageError(description: "--segment \(text): expected a positive number of seconds")
                }
                segmentSeconds = seconds
            case "--jobs", "-j":
                let text = try value(for: argument)
                guard let count = Int(text), count > 0 else {
                    throw UsageError(description: "--jobs \(text): expected a positive integer")
                }
                jobs = count
            case "--pad-mode":
                padMode = try value(for: argument)
                guard ["reflect", "constant"].contains(padMode) else {
                    throw UsageError(description: "--pad-mode \(padMode): expected reflect or constant")
                }
            case "--help", "-h": throw UsageError(description: "")
            default:
                guard !argument.hasPrefix("-") else { throw UsageError(description: "unknown option \(argument)") }
                inputs.append(argument)
            }
        }
        guard !inputs.isEmpty else { throw UsageError(description: "no dataset folder or audio file given") }
        guard let output else { throw UsageError(description: "--out is required") }
        self.output = output
        self.segmentSeconds = segmentSeconds
        self.jobs = jobs
        self.padMode = padMode
    }
}
