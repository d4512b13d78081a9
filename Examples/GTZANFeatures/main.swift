// gtzan-features: the Kaggle GTZAN feature tables (features_30_sec.csv / features_3_sec.csv schema) for any
// set of audio files, computed with DSP's GTZANFeatures through Experiments' FeatureTableExtractor.
import ArgumentParser
import DSP
import Distributed
import Experiments
import Foundation
import GTZAN

extension PadMode: ExpressibleByArgument {}

struct GTZANFeaturesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gtzan-features",
        abstract: "Writes the 57 GTZAN features of audio files as a CSV in the Kaggle tables' schema.",
        discussion: """
            Unreadable files are listed at the end and left out; the command fails only when no file could be read.
            Under `mpirun -np N` the files are shared out among the ranks and rank 0 writes the one table.
            """)

    @Argument(help: "Audio files, or folders searched recursively for .au/.wav/.flac/.ogg/.aiff/.mp3 (label: a GTZAN name's genre, else the folder).")
    var inputs: [String] = []
    @Option(help: ArgumentHelp("A collection instead of files: a GTZAN root, an FMA copy, a folder per label or a .csv/.tsv of "
                               + "path,label[,artist]; rows are named <label>.<track> and labelled with the collection's labels.",
                               valueName: "path"))
    var data: String?
    @Option(name: .customLong("fma-subset"), help: "The FMA subset with --data: small, medium (includes small) or large.")
    var fmaSubset = FMASubset.small
    @Option(help: ArgumentHelp("With --data: only these labels, comma-separated.", valueName: "names"))
    var labels: String?
    @Option(name: [.customLong("out"), .customShort("o")], help: "The CSV to write (header of Kaggle's features_30_sec.csv).")
    var output: String
    @Option(parsing: .unconditional, help: ArgumentHelp("Cut each track into consecutive segments of this many seconds; 3 gives the "
                               + "features_3_sec.csv rows (66149 samples, names like blues.00000.0.wav). Segments are "
                               + "computed as each file decodes, in bounded memory; one row over a whole file needs about "
                               + "1.3 MB per second of audio.",
                               valueName: "seconds"))
    var segment: Double?
    @Option(name: [.customLong("jobs"), .customShort("j")], parsing: .unconditional, help: "Files processed at once; the number of cores by default.")
    var jobs = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "reflect (reproduces the Kaggle tables) or constant (librosa >= 0.9's default).")
    var padMode = PadMode.reflect

    func validate() throws {
        if let segment, !FeatureTableExtractor.segmentSeconds.contains(segment) {
            throw ValidationError("--segment \(segment): expected \(FeatureTableExtractor.segmentSeconds.lowerBound)"
                                  + "...\(FeatureTableExtractor.segmentSeconds.upperBound) seconds")
        }
        guard jobs > 0 else { throw ValidationError("--jobs \(jobs): expected a positive integer") }
        guard inputs.isEmpty != (data == nil) else { throw ValidationError("give audio files or folders, or --data, not both") }
    }

    /// The files to analyse: the collection's tracks with `--data`, else the files and folders given.
    func sources() throws -> [FeatureTableExtractor.Source] {
        guard let data else {
            let (files, missing) = TrackList.collect(inputs)
            for path in missing { FileHandle.standardError.write(Data("gtzan-features: \(path): no such file or folder\n".utf8)) }
            return files.map { FeatureTableExtractor.Source(url: $0, stem: TrackList.stem(of: $0), label: TrackList.label(of: $0)) }
        }
        let collection = try LabelledCollection(detecting: URL(fileURLWithPath: data).standardizedFileURL,
                                                labels: try labels.map { try Genre.subset($0.split(separator: ",")) }, fmaSubset: fmaSubset)
        print(collection.report)
        return collection.tracks.map { FeatureTableExtractor.Source(url: $0.url, stem: $0.id.description, label: $0.genre.name) }
    }

    func run() throws {
        let sources = try self.sources()
        guard !sources.isEmpty else { throw ValidationError("no audio files found") }
        let extractor = FeatureTableExtractor(segmentLength: segment.map(FeatureTableExtractor.segmentLength(seconds:)), padMode: padMode, jobs: jobs)
        let table: FeatureTableExtractor.Table
        if let group = try ProcessGroup.launched() {
            guard let gathered = group.run({ try extractor.table(of: sources, label: "gtzan-features", across: group) }) else { return }
            table = gathered
        } else {
            table = extractor.table(of: sources, label: "gtzan-features")
        }
        let written = sources.count - table.skipped.count
        if written > 0 {
            do {
                try table.write(to: URL(fileURLWithPath: output))
            } catch {
                FileHandle.standardError.write(Data("gtzan-features: \(error)\n".utf8))
                throw ExitCode.failure
            }
            print("wrote \(table.lines.count) rows from \(written) files to \(output)")
        }
        if !table.skipped.isEmpty {
            FileHandle.standardError.write(Data(("skipped \(table.skipped.count) unreadable files:\n"
                + table.skippedReport.map { "  \($0)\n" }.joined()).utf8))
        }
        if written == 0 { throw ExitCode.failure }
    }
}

GTZANFeaturesCommand.main()
